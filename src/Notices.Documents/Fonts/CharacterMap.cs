using System.Buffers.Binary;

namespace Notices.Documents.Fonts;

/// <summary>
/// The characters a face has glyphs for, read from its 'cmap' table (OpenType spec, formats
/// 4 and 12 of the Unicode subtables). A character mapped to glyph 0 (.notdef) counts as
/// missing: it would print as an empty box.
/// </summary>
internal sealed class CharacterMap
{
    private readonly HashSet<int> _codePoints;

    private CharacterMap(HashSet<int> codePoints)
    {
        _codePoints = codePoints;
    }

    /// <summary>How many characters the face covers.</summary>
    public int Count => _codePoints.Count;

    /// <summary>True when the face draws this Unicode scalar value.</summary>
    public bool Contains(int codePoint) => _codePoints.Contains(codePoint);

    /// <summary>Reads the best Unicode subtable of a face's cmap.</summary>
    public static CharacterMap Read(SfntFace face) => Parse(SfntReader.ReadTable(face, "cmap"));

    /// <summary>Parses a cmap table; an empty or unknown table gives an empty map.</summary>
    public static CharacterMap Parse(ReadOnlySpan<byte> cmap)
    {
        var set = new HashSet<int>();
        ForEachMapping(cmap, (c, _) => set.Add(c));
        return new CharacterMap(set);
    }

    /// <summary>
    /// Calls <paramref name="mapped"/> with every character and its non-zero glyph from the
    /// best Unicode subtable, in ascending character order.
    /// </summary>
    public static void ForEachMapping(ReadOnlySpan<byte> cmap, Action<int, int> mapped)
    {
        if (cmap.Length < 4)
        {
            return;
        }

        var count = BinaryPrimitives.ReadUInt16BigEndian(cmap[2..]);
        var best = -1;
        var bestRank = int.MaxValue;
        for (var i = 0; i < count && 4 + (i * 8) + 8 <= cmap.Length; i++)
        {
            var record = cmap.Slice(4 + (i * 8), 8);
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(record[2..]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[4..]);
            if (offset + 2 > cmap.Length)
            {
                continue;
            }

            var format = BinaryPrimitives.ReadUInt16BigEndian(cmap[offset..]);
            var rank = (platform, encoding, format) switch
            {
                (3, 10, 12) => 0,
                (0, _, 12) => 1,
                (3, 1, 4) => 2,
                (0, _, 4) => 3,
                _ => int.MaxValue,
            };
            if (rank < bestRank)
            {
                bestRank = rank;
                best = offset;
            }
        }

        if (best < 0)
        {
            return;
        }

        var subtable = cmap[best..];
        if (BinaryPrimitives.ReadUInt16BigEndian(subtable) == 12)
        {
            ReadFormat12(subtable, mapped);
        }
        else
        {
            ReadFormat4(subtable, mapped);
        }
    }

    private static void ReadFormat12(ReadOnlySpan<byte> table, Action<int, int> mapped)
    {
        var groups = BinaryPrimitives.ReadUInt32BigEndian(table[12..]);
        for (var g = 0; g < groups && 16 + ((g + 1) * 12) <= table.Length; g++)
        {
            var group = table.Slice(16 + (g * 12), 12);
            var start = BinaryPrimitives.ReadUInt32BigEndian(group);
            var end = Math.Min(BinaryPrimitives.ReadUInt32BigEndian(group[4..]), 0x10FFFFu);
            var glyph = BinaryPrimitives.ReadUInt32BigEndian(group[8..]);
            for (var c = start; c <= end; c++)
            {
                if (glyph + (c - start) != 0)
                {
                    mapped((int)c, (int)(glyph + (c - start)));
                }
            }
        }
    }

    private static void ReadFormat4(ReadOnlySpan<byte> table, Action<int, int> mapped)
    {
        var segCount = BinaryPrimitives.ReadUInt16BigEndian(table[6..]) / 2;
        var ends = 14;
        var starts = ends + (segCount * 2) + 2;
        var deltas = starts + (segCount * 2);
        var rangeOffsets = deltas + (segCount * 2);
        for (var s = 0; s < segCount; s++)
        {
            var end = BinaryPrimitives.ReadUInt16BigEndian(table[(ends + (s * 2))..]);
            var start = BinaryPrimitives.ReadUInt16BigEndian(table[(starts + (s * 2))..]);
            var delta = BinaryPrimitives.ReadInt16BigEndian(table[(deltas + (s * 2))..]);
            var rangeAt = rangeOffsets + (s * 2);
            var rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(table[rangeAt..]);
            for (int c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    var at = rangeAt + rangeOffset + ((c - start) * 2);
                    if (at + 2 > table.Length)
                    {
                        continue;
                    }

                    glyph = BinaryPrimitives.ReadUInt16BigEndian(table[at..]);
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                if (glyph != 0)
                {
                    mapped(c, glyph);
                }
            }
        }
    }
}
