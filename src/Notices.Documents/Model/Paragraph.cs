namespace Notices.Documents.Model;

/// <summary>A paragraph: its role (which decides font, size, indent) and its runs.</summary>
/// <param name="Role">What the paragraph is.</param>
/// <param name="Runs">The text, in order.</param>
/// <param name="Alignment">Overrides the role's alignment when set.</param>
public sealed record Paragraph(
    ParagraphRole Role,
    IReadOnlyList<Run> Runs,
    TextAlignment? Alignment = null) : Block
{
    /// <summary>A paragraph of plain text in one run.</summary>
    public static Paragraph Of(ParagraphRole role, string text, bool bold = false) =>
        new(role, [new Run(text, bold)]);

    /// <summary>The paragraph's text, runs joined.</summary>
    public string Text => string.Concat(Runs.Select(r => r.Text));
}
