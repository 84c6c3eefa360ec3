namespace Notices.Documents.Model;

/// <summary>A cell with its place in the grid, as computed by <see cref="Table.Place"/>.</summary>
/// <param name="Row">0-based row where the cell starts.</param>
/// <param name="Column">0-based column where the cell starts.</param>
/// <param name="Cell">The cell.</param>
public sealed record PlacedCell(int Row, int Column, TableCell Cell)
{
    /// <summary>The last row the cell covers.</summary>
    public int LastRow => Row + Cell.RowSpan - 1;

    /// <summary>The last column the cell covers.</summary>
    public int LastColumn => Column + Cell.ColumnSpan - 1;
}
