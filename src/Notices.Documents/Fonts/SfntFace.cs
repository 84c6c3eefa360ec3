namespace Notices.Documents.Fonts;

/// <summary>
/// One face read from a font file (a .ttf, .otf or one member of a .ttc collection): its
/// names, outline kind and table directory. The glyph data stays in the file until needed.
/// </summary>
internal sealed class SfntFace
{
    public SfntFace(
        string path,
        int faceIndex,
        bool isCollection,
        bool hasCffOutlines,
        bool isBold,
        IReadOnlyList<string> familyNames,
        IReadOnlyList<SfntTable> tables)
    {
        Path = path;
        FaceIndex = faceIndex;
        IsCollection = isCollection;
        HasCffOutlines = hasCffOutlines;
        IsBold = isBold;
        FamilyNames = familyNames;
        Tables = tables;
    }

    public string Path { get; }

    public int FaceIndex { get; }

    public bool IsCollection { get; }

    /// <summary>True for OpenType faces with PostScript ('CFF ') outlines, which PDFsharp
    /// cannot subset.</summary>
    public bool HasCffOutlines { get; }

    public bool IsBold { get; }

    /// <summary>Family, full and typographic family names in every language the name table
    /// holds (e.g. both SimSun and 宋体).</summary>
    public IReadOnlyList<string> FamilyNames { get; }

    public IReadOnlyList<SfntTable> Tables { get; }

    public SfntTable? FindTable(string tag)
    {
        foreach (var table in Tables)
        {
            if (table.Tag == tag)
            {
                return table;
            }
        }

        return null;
    }

    public override string ToString() =>
        IsCollection ? $"{Path}#{FaceIndex}" : Path;
}
