using Notices.Documents.Model;
using PdfSharp.Drawing;

namespace Notices.Documents.Pdf;

/// <summary>A font, size, weight and colour text is drawn in.</summary>
/// <param name="Face">The role whose face draws it (another role's face stands in for a
/// character the role's own face lacks).</param>
/// <param name="Size">Size in points.</param>
/// <param name="Bold">Bold (simulated where the face has none).</param>
/// <param name="Color">RGB hex without #.</param>
internal readonly record struct TextStyle(FontRole Face, double Size, bool Bold, string Color);
