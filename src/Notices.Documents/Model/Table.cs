namespace Notices.Documents.Model;

/// <summary>
/// A ruled table as wide as the text block. The first <see cref="HeaderRows"/> rows repeat at
/// the top of every page the table runs onto.
/// </summary>
/// <param name="ColumnWidths">Relative widths; writers scale them to the text block width.</param>
/// <param name="Rows">The rows, header rows first.</param>
/// <param name="HeaderRows">How many leading rows form the repeating header.</param>
public sealed record Table(
    IReadOnlyList<double> ColumnWidths,
    IReadOnlyList<TableRow> Rows,
    int HeaderRows = 1) : Block
{
    /// <summary>
    /// Every cell with its grid row and column, in row order: spans are resolved the way HTML
    /// resolves them, skipping places covered by a cell from a row above.
    /// </summary>
    /// <exception cref="InvalidOperationException">A row overflows the column count.</exception>
    public IReadOnlyList<PlacedCell> Place()
    {
        var columns = ColumnWidths.Count;
        var covered = new bool[Rows.Count, columns];
        var placed = new List<PlacedCell>();

        for (var row = 0; row < Rows.Count; row++)
        {
            var column = 0;
            foreach (var cell in Rows[row].Cells)
            {
                while (column < columns && covered[row, column])
                    column++;
                if (column + cell.ColumnSpan > columns)
                {
                    throw new InvalidOperationException(
                        $"Table row {row + 1} needs more than its {columns} columns; "
                        + "check the row and column spans of its cells.");
                }

                placed.Add(new PlacedCell(row, column, cell));
                var lastRow = Math.Min(Rows.Count, row + cell.RowSpan);
                for (var r = row; r < lastRow; r++)
                {
                    for (var c = column; c < column + cell.ColumnSpan; c++)
                        covered[r, c] = true;
                }
                column += cell.ColumnSpan;
            }
        }
        return placed;
    }
}
