namespace Notices.Documents.Model;

/// <summary>How a paragraph role is set.</summary>
/// <param name="Font">Which typeface.</param>
/// <param name="SizePt">Font size in points.</param>
/// <param name="Bold">Bold throughout.</param>
/// <param name="Alignment">Horizontal alignment.</param>
/// <param name="FirstLineIndentChars">First-line indent in character widths (2 for body text).</param>
/// <param name="LeftIndentChars">Left indent of every line, in character widths.</param>
/// <param name="RightIndentChars">Right indent, in character widths (4 for the date line).</param>
/// <param name="SpaceBeforeLines">Blank lines before, in body line pitches.</param>
/// <param name="SpaceAfterLines">Blank lines after, in body line pitches.</param>
/// <param name="Color">RGB hex without #, e.g. 000000.</param>
public sealed record RoleStyle(
    FontRole Font,
    double SizePt,
    bool Bold,
    TextAlignment Alignment,
    double FirstLineIndentChars = 0,
    double LeftIndentChars = 0,
    double RightIndentChars = 0,
    double SpaceBeforeLines = 0,
    double SpaceAfterLines = 0,
    string Color = "000000");
