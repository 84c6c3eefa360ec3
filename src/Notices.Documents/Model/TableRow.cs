namespace Notices.Documents.Model;

/// <summary>A row of a table: the cells that start in it, left to right.</summary>
/// <param name="Cells">Cells starting in this row (spanned places are left out).</param>
/// <param name="CanSplit">True when a writer may split the row across a page break.</param>
public sealed record TableRow(IReadOnlyList<TableCell> Cells, bool CanSplit = true);
