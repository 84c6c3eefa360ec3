namespace Notices.Documents.Layout;

/// <summary>One line found by <see cref="LineBreaker"/>: a range of the units.</summary>
/// <param name="Start">Index of the line's first unit.</param>
/// <param name="Count">How many units it holds (trailing spaces excluded).</param>
/// <param name="Width">Natural width of those units in points.</param>
/// <param name="IsLast">True for the paragraph's last line (never justified).</param>
public readonly record struct LineSpan(int Start, int Count, double Width, bool IsLast);
