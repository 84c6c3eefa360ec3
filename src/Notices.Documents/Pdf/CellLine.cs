using Notices.Documents.Layout;
using Notices.Documents.Model;

namespace Notices.Documents.Pdf;

/// <summary>One laid-out line of a table cell, relative to the top of the cell's text.</summary>
/// <param name="Units">The units of the paragraph the line belongs to.</param>
/// <param name="Span">Which units.</param>
/// <param name="Offset">Top of the line slot below the top of the cell's text.</param>
/// <param name="Pitch">Height of the line slot.</param>
/// <param name="Size">Text size.</param>
/// <param name="Alignment">How the line sits in the cell.</param>
internal sealed record CellLine(
    List<TextUnit> Units,
    LineSpan Span,
    double Offset,
    double Pitch,
    double Size,
    TextAlignment Alignment);
