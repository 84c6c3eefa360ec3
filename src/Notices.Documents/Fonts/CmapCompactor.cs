using System.Buffers.Binary;

namespace Notices.Documents.Fonts;

/// <summary>
/// Rewrites a face's 'cmap' table so PDFsharp finds glyphs quickly. PDFsharp 6.2.4 looks a
/// character up by walking the format 4 segments from the first, and the AR PL faces split
/// the BMP into about 3,000 segments; this table covers the same characters with a few
/// hundred, using the glyph array for runs whose glyphs are not consecutive (OpenType spec,
/// cmap format 4). Characters outside the BMP keep their format 12 subtable.
/// </summary>
internal static class CmapCompactor
{
    // Characters this close together share a segment; the gap maps to glyph 0.
    private const int MaxGap = 8;

    /// <summary>The rebuilt table, or null when the original is already compact or the
    /// rebuilt one would not fit format 4's 64 KB.</summary>
    public static byte[]? Rebuild(byte[] cmap)
    {
        var glyphs = new int[0x10000];
        var any = false;
        CharacterMap.ForEachMapping(cmap, (c, g) =>
        {
            if (c < 0xFFFF)
            {
                glyphs[c] = g;
                any = true;
            }
        });
        if (!any)
        {
            return null;
        }

        var segments = Segments(glyphs);
        var arrayLength = segments.Where(s => !s.Delta).Sum(s => s.End - s.Start + 1);
        var segCount = segments.Count + 1; // and the closing 0xFFFF segment
        var format4Length = 16 + (8 * segCount) + (2 * arrayLength);
        if (format4Length > 0xFFFF || segCount * 4 > OriginalSegments(cmap))
        {
            return null;
        }

        var format12 = Format12(cmap);
        var headerLength = 4 + (8 * (format12.IsEmpty ? 1 : 2));
        var table = new byte[headerLength + format4Length + format12.Length];
        var span = table.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], (ushort)(format12.IsEmpty ? 1 : 2));
        WriteRecord(span[4..], 3, 1, (uint)headerLength);
        if (!format12.IsEmpty)
        {
            WriteRecord(span[12..], 3, 10, (uint)(headerLength + format4Length));
            format12.CopyTo(span[(headerLength + format4Length)..]);
        }

        WriteFormat4(span.Slice(headerLength, format4Length), segments, segCount, glyphs);
        return table;
    }

    private static List<Segment> Segments(int[] glyphs)
    {
        var segments = new List<Segment>();
        var c = 0;
        while (c < 0xFFFF)
        {
            if (glyphs[c] == 0)
            {
                c++;
                continue;
            }

            var start = c;
            var end = c;
            var next = c + 1;
            while (next < 0xFFFF && next - end <= MaxGap)
            {
                if (glyphs[next] != 0)
                {
                    end = next;
                }

                next++;
            }

            var delta = true;
            for (var k = start; k <= end && delta; k++)
            {
                delta = glyphs[k] - k == glyphs[start] - start;
            }

            segments.Add(new Segment(start, end, delta));
            c = end + 1;
        }

        return segments;
    }

    private static void WriteFormat4(Span<byte> t, List<Segment> segments, int segCount, int[] glyphs)
    {
        var entrySelector = (int)Math.Floor(Math.Log2(segCount));
        var searchRange = 2 * (1 << entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(t, 4);
        BinaryPrimitives.WriteUInt16BigEndian(t[2..], (ushort)t.Length);
        BinaryPrimitives.WriteUInt16BigEndian(t[6..], (ushort)(segCount * 2));
        BinaryPrimitives.WriteUInt16BigEndian(t[8..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(t[10..], (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(t[12..], (ushort)((segCount * 2) - searchRange));
        var ends = 14;
        var starts = ends + (2 * segCount) + 2;
        var deltas = starts + (2 * segCount);
        var offsets = deltas + (2 * segCount);
        var array = offsets + (2 * segCount);
        var position = 0;
        for (var i = 0; i < segCount; i++)
        {
            var last = i == segCount - 1;
            var s = last ? new Segment(0xFFFF, 0xFFFF, true) : segments[i];
            BinaryPrimitives.WriteUInt16BigEndian(t[(ends + (2 * i))..], (ushort)s.End);
            BinaryPrimitives.WriteUInt16BigEndian(t[(starts + (2 * i))..], (ushort)s.Start);
            if (last)
            {
                BinaryPrimitives.WriteUInt16BigEndian(t[(deltas + (2 * i))..], 1);
                continue;
            }

            if (s.Delta)
            {
                var delta = (ushort)((glyphs[s.Start] - s.Start) & 0xFFFF);
                BinaryPrimitives.WriteUInt16BigEndian(t[(deltas + (2 * i))..], delta);
                continue;
            }

            var rangeOffset = (2 * (segCount - i)) + (2 * position);
            BinaryPrimitives.WriteUInt16BigEndian(t[(offsets + (2 * i))..], (ushort)rangeOffset);
            for (var c = s.Start; c <= s.End; c++)
            {
                BinaryPrimitives.WriteUInt16BigEndian(t[(array + (2 * position))..], (ushort)glyphs[c]);
                position++;
            }
        }
    }

    private static void WriteRecord(Span<byte> record, ushort platform, ushort encoding, uint offset)
    {
        BinaryPrimitives.WriteUInt16BigEndian(record, platform);
        BinaryPrimitives.WriteUInt16BigEndian(record[2..], encoding);
        BinaryPrimitives.WriteUInt32BigEndian(record[4..], offset);
    }

    private static int OriginalSegments(ReadOnlySpan<byte> cmap)
    {
        var most = 0;
        var count = BinaryPrimitives.ReadUInt16BigEndian(cmap[2..]);
        for (var i = 0; i < count && 12 + (i * 8) <= cmap.Length; i++)
        {
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(cmap[(8 + (i * 8))..]);
            if (offset + 8 <= cmap.Length && BinaryPrimitives.ReadUInt16BigEndian(cmap[offset..]) == 4)
            {
                most = Math.Max(most, BinaryPrimitives.ReadUInt16BigEndian(cmap[(offset + 6)..]) / 2);
            }
        }

        return most;
    }

    private static ReadOnlySpan<byte> Format12(ReadOnlySpan<byte> cmap)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(cmap[2..]);
        for (var i = 0; i < count && 12 + (i * 8) <= cmap.Length; i++)
        {
            var record = cmap[(4 + (i * 8))..];
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(record[2..]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[4..]);
            if (platform == 3 && encoding == 10 && offset + 8 <= cmap.Length
                && BinaryPrimitives.ReadUInt16BigEndian(cmap[offset..]) == 12)
            {
                var length = (int)BinaryPrimitives.ReadUInt32BigEndian(cmap[(offset + 4)..]);
                return offset + length <= cmap.Length ? cmap.Slice(offset, length) : default;
            }
        }

        return default;
    }

    private readonly record struct Segment(int Start, int End, bool Delta);
}
