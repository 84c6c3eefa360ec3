namespace Notices.Documents.Model;

/// <summary>Horizontal alignment of a paragraph or a cell's text.</summary>
public enum TextAlignment
{
    /// <summary>Flush left.</summary>
    Start,

    /// <summary>Centred.</summary>
    Center,

    /// <summary>Flush right.</summary>
    End,

    /// <summary>Both edges flush; the last line flush left (Chinese body text).</summary>
    Justify,
}
