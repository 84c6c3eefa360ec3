namespace Notices.Documents.Fonts;

/// <summary>One entry of an sfnt table directory: where a table sits in its file.</summary>
internal readonly record struct SfntTable(string Tag, uint Offset, uint Length);
