namespace Notices.Documents.Model;

/// <summary>
/// One cell as it starts in the grid (HTML-style): a cell spanning rows or columns appears
/// once, in the row and at the column where it starts; the rows below leave its place out.
/// Use <see cref="Table.Place"/> to get grid positions.
/// </summary>
/// <param name="Paragraphs">The text, one paragraph per line (role TableText or TableHeader).</param>
/// <param name="RowSpan">Rows covered, at least 1 (category cells 序号, 考核工作 span their items).</param>
/// <param name="ColumnSpan">Columns covered, at least 1.</param>
/// <param name="Alignment">Horizontal alignment; text is always centred vertically.</param>
public sealed record TableCell(
    IReadOnlyList<Paragraph> Paragraphs,
    int RowSpan = 1,
    int ColumnSpan = 1,
    TextAlignment Alignment = TextAlignment.Center)
{
    /// <summary>A cell of one line of plain text.</summary>
    public static TableCell Of(
        string text,
        TextAlignment alignment = TextAlignment.Center,
        int rowSpan = 1,
        int columnSpan = 1,
        bool header = false) =>
        new(
            [Paragraph.Of(header ? ParagraphRole.TableHeader : ParagraphRole.TableText, text)],
            rowSpan,
            columnSpan,
            alignment);

    /// <summary>The cell's text, paragraphs joined by line feeds.</summary>
    public string Text => string.Join("\n", Paragraphs.Select(p => p.Text));
}
