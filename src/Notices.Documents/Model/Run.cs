namespace Notices.Documents.Model;

/// <summary>A stretch of text in one style. The font comes from the paragraph's role.</summary>
/// <param name="Text">The text; no line breaks (a new line is a new paragraph).</param>
/// <param name="Bold">Bold; writers simulate it where a face has no bold.</param>
public sealed record Run(string Text, bool Bold = false);
