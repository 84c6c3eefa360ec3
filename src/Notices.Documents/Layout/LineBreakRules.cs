namespace Notices.Documents.Layout;

/// <summary>
/// The 禁则 of Chinese typesetting (GB/T 15834 practice, design.md): closing punctuation
/// never starts a line, opening punctuation never ends one.
/// </summary>
public static class LineBreakRules
{
    private const string NoStart = "。，、；：？！）》”’」』】〕…—.,;:?!)]}%～·";
    private const string NoEnd = "（《“‘「『【〔([{";

    /// <summary>
    /// True when the character may not begin a line (。，、；：？！）》”’」』】〕…).
    /// </summary>
    public static bool MayNotStartLine(char c) => NoStart.Contains(c, StringComparison.Ordinal);

    /// <summary>True when the character may not end a line (（《“‘「『【〔).</summary>
    public static bool MayNotEndLine(char c) => NoEnd.Contains(c, StringComparison.Ordinal);
}
