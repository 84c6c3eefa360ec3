using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Notices.Documents.Fonts;

/// <summary>
/// Reads the parts of TrueType/OpenType files that font resolution needs: the collection
/// header, table directories, the name table and the style bits. Big-endian throughout
/// (OpenType spec, "Data types").
/// </summary>
internal static class SfntReader
{
    private const uint TrueTypeVersion = 0x00010000;
    private const uint AppleTrueTypeTag = 0x74727565; // 'true'
    private const uint CffTag = 0x4F54544F; // 'OTTO'
    private const uint CollectionTag = 0x74746366; // 'ttcf'

    /// <summary>Reads every face of a font file; an unreadable file yields no faces.</summary>
    public static IReadOnlyList<SfntFace> ReadFaces(string path)
    {
        try
        {
            using var handle = File.OpenHandle(path);
            var header = ReadAt(handle, 0, 12);
            var tag = BinaryPrimitives.ReadUInt32BigEndian(header);
            if (tag == CollectionTag)
            {
                var count = (int)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(8));
                if (count is <= 0 or > 1000)
                {
                    return [];
                }

                var offsets = ReadAt(handle, 12, count * 4);
                var faces = new List<SfntFace>(count);
                for (var i = 0; i < count; i++)
                {
                    var offset = BinaryPrimitives.ReadUInt32BigEndian(offsets.AsSpan(i * 4));
                    var face = ReadFace(handle, path, i, isCollection: true, offset);
                    if (face is not null)
                    {
                        faces.Add(face);
                    }
                }

                return faces;
            }

            var single = ReadFace(handle, path, 0, isCollection: false, 0);
            return single is null ? [] : [single];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException
            or ArgumentOutOfRangeException or EndOfStreamException)
        {
            return [];
        }
    }

    /// <summary>
    /// Copies one face into a standalone TrueType file: the tables it lists, a new table
    /// directory with offsets relative to the new file, 4-byte padding, fresh table checksums
    /// and head.checkSumAdjustment (OpenType spec, "Calculating checksums"). A digital
    /// signature is dropped because it signs the original file, not the copy. The cmap is
    /// compacted (<see cref="CmapCompactor"/>) where that makes lookups much shorter.
    /// </summary>
    public static byte[] ExtractStandalone(SfntFace face)
    {
        var tables = face.Tables
            .Where(t => t.Tag != "DSIG")
            .OrderBy(t => t.Tag, StringComparer.Ordinal)
            .ToList();
        var data = new List<byte[]>(tables.Count);
        using (var handle = File.OpenHandle(face.Path))
        {
            foreach (var table in tables)
            {
                var bytes = ReadAt(handle, table.Offset, (int)table.Length);
                data.Add(table.Tag == "cmap" ? CmapCompactor.Rebuild(bytes) ?? bytes : bytes);
            }
        }

        var numTables = tables.Count;
        var directoryLength = 12 + (16 * numTables);
        var total = directoryLength + data.Sum(d => Pad4(d.Length));
        var output = new byte[total];
        var span = output.AsSpan();
        var entrySelector = (int)Math.Floor(Math.Log2(numTables));
        var searchRange = (1 << entrySelector) * 16;
        BinaryPrimitives.WriteUInt32BigEndian(span, TrueTypeVersion);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)numTables);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)((numTables * 16) - searchRange));

        var position = directoryLength;
        var headOffset = -1;
        for (var i = 0; i < numTables; i++)
        {
            var tag = tables[i].Tag;
            var bytes = data[i];
            bytes.CopyTo(span[position..]);
            if (tag == "head" && bytes.Length >= 12)
            {
                headOffset = position;
                BinaryPrimitives.WriteUInt32BigEndian(span[(position + 8)..], 0);
            }

            var entry = span.Slice(12 + (16 * i), 16);
            Encoding.ASCII.GetBytes(tag, entry);
            var padded = span.Slice(position, Pad4(bytes.Length));
            BinaryPrimitives.WriteUInt32BigEndian(entry[4..], Checksum(padded));
            BinaryPrimitives.WriteUInt32BigEndian(entry[8..], (uint)position);
            BinaryPrimitives.WriteUInt32BigEndian(entry[12..], (uint)bytes.Length);
            position += padded.Length;
        }

        if (headOffset >= 0)
        {
            var adjustment = unchecked(0xB1B0AFBAu - Checksum(span));
            BinaryPrimitives.WriteUInt32BigEndian(span[(headOffset + 8)..], adjustment);
        }

        return output;
    }

    /// <summary>Reads one table of a face into memory.</summary>
    public static byte[] ReadTable(SfntFace face, string tag)
    {
        var table = face.FindTable(tag);
        if (table is null)
        {
            return [];
        }

        using var handle = File.OpenHandle(face.Path);
        return ReadAt(handle, table.Value.Offset, (int)table.Value.Length);
    }

    /// <summary>The sum of a block's big-endian 32-bit words (length padded to 4).</summary>
    public static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var whole = data.Length & ~3;
        for (var i = 0; i < whole; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }

        if (whole < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            last.Clear();
            data[whole..].CopyTo(last);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(last));
        }

        return sum;
    }

    private static SfntFace? ReadFace(
        SafeFileHandle handle, string path, int index, bool isCollection, uint offset)
    {
        var header = ReadAt(handle, offset, 12);
        var version = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (version is not (TrueTypeVersion or AppleTrueTypeTag or CffTag))
        {
            return null;
        }

        var numTables = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(4));
        var directory = ReadAt(handle, offset + 12, numTables * 16);
        var tables = new List<SfntTable>(numTables);
        for (var i = 0; i < numTables; i++)
        {
            var entry = directory.AsSpan(i * 16, 16);
            var tag = Encoding.ASCII.GetString(entry[..4]);
            tables.Add(new SfntTable(
                tag,
                BinaryPrimitives.ReadUInt32BigEndian(entry[8..]),
                BinaryPrimitives.ReadUInt32BigEndian(entry[12..])));
        }

        var hasCff = version == CffTag || tables.Exists(t => t.Tag is "CFF " or "CFF2");
        var probe = new SfntFace(path, index, isCollection, hasCff, false, [], tables);
        var names = ReadNames(handle, probe);
        var bold = ReadIsBold(handle, probe);
        return new SfntFace(path, index, isCollection, hasCff, bold, names, tables);
    }

    private static bool ReadIsBold(SafeFileHandle handle, SfntFace face)
    {
        // OS/2 fsSelection bit 5 (BOLD), else head.macStyle bit 0.
        if (face.FindTable("OS/2") is { Length: >= 64 } os2)
        {
            var bytes = ReadAt(handle, os2.Offset + 62, 2);
            return (BinaryPrimitives.ReadUInt16BigEndian(bytes) & 0x20) != 0;
        }

        if (face.FindTable("head") is { Length: >= 46 } head)
        {
            var bytes = ReadAt(handle, head.Offset + 44, 2);
            return (BinaryPrimitives.ReadUInt16BigEndian(bytes) & 0x01) != 0;
        }

        return false;
    }

    private static List<string> ReadNames(SafeFileHandle handle, SfntFace face)
    {
        var names = new List<string>();
        if (face.FindTable("name") is not { } table || table.Length < 6)
        {
            return names;
        }

        var data = ReadAt(handle, table.Offset, (int)table.Length);
        var count = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(2));
        var storage = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(4));
        for (var i = 0; i < count; i++)
        {
            var record = 6 + (i * 12);
            if (record + 12 > data.Length)
            {
                break;
            }

            var r = data.AsSpan(record, 12);
            var platform = BinaryPrimitives.ReadUInt16BigEndian(r);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(r[2..]);
            var nameId = BinaryPrimitives.ReadUInt16BigEndian(r[6..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(r[8..]);
            var start = storage + BinaryPrimitives.ReadUInt16BigEndian(r[10..]);
            // 1 family, 4 full name, 16 typographic family (OpenType spec, "name" table).
            if (nameId is not (1 or 4 or 16) || start + length > data.Length)
            {
                continue;
            }

            var bytes = data.AsSpan(start, length);
            string? name = platform switch
            {
                0 or 3 => Encoding.BigEndianUnicode.GetString(bytes),
                1 when encoding == 0 => Encoding.Latin1.GetString(bytes),
                _ => null,
            };
            name = name?.Trim('\0', ' ');
            if (!string.IsNullOrEmpty(name) && !names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static byte[] ReadAt(SafeFileHandle handle, long offset, int length)
    {
        var buffer = new byte[length];
        ReadExactly(handle, offset, buffer);
        return buffer;
    }

    private static void ReadExactly(SafeFileHandle handle, long offset, Span<byte> buffer)
    {
        var done = 0;
        while (done < buffer.Length)
        {
            var read = RandomAccess.Read(handle, buffer[done..], offset + done);
            if (read <= 0)
            {
                throw new EndOfStreamException(
                    $"The font file ends before byte {offset + buffer.Length}.");
            }

            done += read;
        }
    }

    private static int Pad4(int length) => (length + 3) & ~3;
}
