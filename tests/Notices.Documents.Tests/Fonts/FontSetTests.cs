using System.Buffers.Binary;
using System.Text;
using Notices.Core;
using Notices.Documents.Fonts;
using Notices.Documents.Model;

namespace Notices.Documents.Tests.Fonts;

public sealed class FontSetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("notices-fonts-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [FontFact]
    public void SystemFonts_ServeEveryRole_WithAFileAndFace()
    {
        var report = TestFonts.System.Report;

        Assert.True(report.IsComplete, report.ToString());
        Assert.Equal(
            [FontRole.Title, FontRole.Body, FontRole.Hei, FontRole.Kai],
            report.Entries.Select(e => e.Role));
        Assert.All(report.Entries, e => Assert.True(File.Exists(e.File), e.File));
        foreach (var entry in report.Entries)
        {
            Assert.Contains(Path.GetFileName(entry.File), report.ToString(), StringComparison.Ordinal);
        }
    }

    [FileFact(TestFonts.ZenHeiPath, "fonts-wqy-zenhei")]
    public void DebianFallbacks_ServeHeiAndKai_FromTheirCollections()
    {
        var report = FontSet.Resolve(new FontSearchOptions(
            SystemFolders: ["/usr/share/fonts"])).Report;

        var hei = report.Entries.Single(e => e.Role == FontRole.Hei);
        Assert.EndsWith("wqy-zenhei.ttc", hei.File, StringComparison.Ordinal);
        Assert.True(hei.IsCollection);
        Assert.Equal(FontSource.Fallback, hei.Source);
        Assert.Contains("(face 0)", hei.ToString(), StringComparison.Ordinal);
    }

    [FileFact(TestFonts.ZenHeiPath, "fonts-wqy-zenhei")]
    public void NameTable_ChineseFamilyNames_AreRead()
    {
        var faces = SfntReader.ReadFaces(TestFonts.ZenHeiPath);

        Assert.True(faces.Count >= 2);
        Assert.Contains(faces[0].FamilyNames, n => n is "文泉驿正黑" or "文泉驛正黑");
        Assert.Contains("WenQuanYi Zen Hei", faces[0].FamilyNames);
    }

    [FileFact(TestFonts.UmingPath, "fonts-arphic-uming")]
    public void CollectionFace_ExtractedStandalone_HasValidDirectoryAndChecksums()
    {
        var faces = SfntReader.ReadFaces(TestFonts.UmingPath);
        var face = faces[1]; // not the first: its tables sit at offsets a copy must rewrite

        var bytes = SfntReader.ExtractStandalone(face);

        Assert.Equal(0x00010000u, BinaryPrimitives.ReadUInt32BigEndian(bytes));
        Assert.Equal(0xB1B0AFBAu, SfntReader.Checksum(bytes));
        var path = Path.Combine(_folder, "face1.ttf");
        File.WriteAllBytes(path, bytes);
        var copy = Assert.Single(SfntReader.ReadFaces(path));
        Assert.False(copy.IsCollection);
        Assert.Equal(face.FamilyNames, copy.FamilyNames);
        foreach (var table in copy.Tables)
        {
            var data = bytes.AsSpan((int)table.Offset, (int)table.Length);
            Assert.Equal(0, (int)(table.Offset % 4));
            if (table.Tag != "head")
            {
                var recorded = DirectoryChecksum(bytes, table.Tag);
                Assert.Equal(recorded, SfntReader.Checksum(data));
            }
        }
    }

    [FileFact(TestFonts.UmingPath, "fonts-arphic-uming")]
    public void CompactedCmap_MapsEveryCharacterToTheSameGlyph_InFarFewerSegments()
    {
        var face = SfntReader.ReadFaces(TestFonts.UmingPath)[0];
        var original = SfntReader.ReadTable(face, "cmap");

        var compact = CmapCompactor.Rebuild(original);

        Assert.NotNull(compact);
        var before = new Dictionary<int, int>();
        var after = new Dictionary<int, int>();
        CharacterMap.ForEachMapping(original, (c, g) => before[c] = g);
        CharacterMap.ForEachMapping(compact, (c, g) => after[c] = g);
        Assert.Equal(before.Count, after.Count);
        Assert.All(before, pair => Assert.Equal(pair.Value, after[pair.Key]));
        var format4 = CompactFormat4Segments(compact);
        Assert.InRange(format4, 2, 2658 / 4);
        var bmpOnly = new Dictionary<int, int>();
        CharacterMap.ForEachMapping(FormatFourOnly(compact), (c, g) => bmpOnly[c] = g);
        Assert.Equal(before.Count(p => p.Key < 0xFFFF), bmpOnly.Count);
        Assert.All(bmpOnly, pair => Assert.Equal(before[pair.Key], pair.Value));
    }

    [FileFact(TestFonts.ZenHeiPath, "fonts-wqy-zenhei")]
    public void ConfiguredFolder_ServesTheRole_BeforeTheSystemFolders()
    {
        var link = Path.Combine(_folder, "my-hei.ttc");
        File.CreateSymbolicLink(link, TestFonts.ZenHeiPath);

        var report = FontSet.Resolve(new FontSearchOptions(_folder, ["/usr/share/fonts"])).Report;

        var hei = report.Entries.Single(e => e.Role == FontRole.Hei);
        Assert.Equal(FontSource.Configured, hei.Source);
        Assert.Equal(link, hei.File);
    }

    [Fact]
    public void NoFonts_ReportsEveryRoleMissing_AndEnsureCompleteSaysWhatToInstall()
    {
        var fonts = FontSet.Resolve(new FontSearchOptions(null, [_folder]));

        Assert.Equal(4, fonts.Report.MissingRoles.Count);
        var error = Assert.Throws<ProblemException>(fonts.EnsureComplete);
        Assert.Equal(4, error.Problems.Count);
        Assert.Contains("apt-get install -y fonts-arphic-uming", error.Message, StringComparison.Ordinal);
        Assert.Equal(["考"], fonts.MissingGlyphs(FontRole.Body, "考"));
    }

    [Fact]
    public void CffFace_IsPassedOver_WithANote()
    {
        File.WriteAllBytes(Path.Combine(_folder, "cff-hei.otf"), CffFontNamed("黑体"));

        var report = FontSet.Resolve(new FontSearchOptions(_folder, [])).Report;

        Assert.Contains(FontRole.Hei, report.MissingRoles);
        Assert.Contains(report.Notes, n => n.Contains("CFF", StringComparison.Ordinal)
            && n.Contains("cff-hei.otf", StringComparison.Ordinal));
    }

    [FontFact]
    public void MissingGlyphs_ListsOnlyTheCharactersAFaceLacks_OnceEach()
    {
        var text = "关于2021年上半年考核情况的通报。\U0001F600\U0001F600\n";

        var body = TestFonts.System.MissingGlyphs(FontRole.Body, text);
        var all = TestFonts.System.MissingGlyphs(text);

        Assert.Equal(["\U0001F600"], body);
        Assert.All(all.Values, missing => Assert.Equal(["\U0001F600"], missing));
    }

    private static int CompactFormat4Segments(byte[] cmap)
    {
        var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(cmap.AsSpan(8));
        return BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(offset + 6)) / 2;
    }

    // The cmap with only its first subtable (the format 4 one) listed, so parsing it checks
    // the format 4 segments rather than the format 12 groups.
    private static byte[] FormatFourOnly(byte[] cmap)
    {
        var copy = (byte[])cmap.Clone();
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(2), 1);
        return copy;
    }

    private static uint DirectoryChecksum(byte[] font, string tag)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (var i = 0; i < count; i++)
        {
            var entry = font.AsSpan(12 + (16 * i), 16);
            if (Encoding.ASCII.GetString(entry[..4]) == tag)
            {
                return BinaryPrimitives.ReadUInt32BigEndian(entry[4..]);
            }
        }

        throw new InvalidOperationException($"No {tag} table.");
    }

    // A minimal OpenType file with PostScript outlines: an 'OTTO' header, a 'CFF ' table
    // and a name table giving the family name.
    private static byte[] CffFontNamed(string family)
    {
        var name = Encoding.BigEndianUnicode.GetBytes(family);
        var nameTable = new byte[6 + 12 + name.Length];
        BinaryPrimitives.WriteUInt16BigEndian(nameTable.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt16BigEndian(nameTable.AsSpan(4), 18);
        BinaryPrimitives.WriteUInt16BigEndian(nameTable.AsSpan(6), 3);
        BinaryPrimitives.WriteUInt16BigEndian(nameTable.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt16BigEndian(nameTable.AsSpan(10), 0x0804);
        BinaryPrimitives.WriteUInt16BigEndian(nameTable.AsSpan(12), 1);
        BinaryPrimitives.WriteUInt16BigEndian(nameTable.AsSpan(14), (ushort)name.Length);
        name.CopyTo(nameTable, 18);

        var cffOffset = 12 + 32;
        var nameOffset = cffOffset + 4;
        var font = new byte[nameOffset + nameTable.Length];
        BinaryPrimitives.WriteUInt32BigEndian(font, 0x4F54544F);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(4), 2);
        Encoding.ASCII.GetBytes("CFF ", font.AsSpan(12));
        BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(20), (uint)cffOffset);
        BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(24), 4);
        Encoding.ASCII.GetBytes("name", font.AsSpan(28));
        BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(36), (uint)nameOffset);
        BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(40), (uint)nameTable.Length);
        nameTable.CopyTo(font, nameOffset);
        return font;
    }
}
