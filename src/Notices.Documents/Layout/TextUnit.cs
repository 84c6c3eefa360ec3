namespace Notices.Documents.Layout;

/// <summary>
/// The smallest piece a line may break around: one Chinese character or punctuation mark,
/// a whole Latin word or number (58.7, 2021), or a space.
/// </summary>
/// <param name="Text">The text of the piece.</param>
/// <param name="Width">Its advance width in points.</param>
/// <param name="Style">The caller's index of the font and style the piece is set in.</param>
public readonly record struct TextUnit(string Text, double Width, int Style)
{
    /// <summary>True for a space: it may stretch, and is dropped at a line's end.</summary>
    public bool IsSpace => Text.Length > 0 && char.IsWhiteSpace(Text[0]);

    /// <summary>The first character (for the 禁则 at a line start).</summary>
    public char First => Text.Length > 0 ? Text[0] : '\0';

    /// <summary>The last character (for the 禁则 at a line end).</summary>
    public char Last => Text.Length > 0 ? Text[^1] : '\0';
}
