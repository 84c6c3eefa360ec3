namespace Notices.Core.Evidence;

/// <summary>One row of an evidence file before validation: where it starts and its cells.</summary>
/// <param name="Line">The CSV line where the record starts, or the sheet's row number.</param>
/// <param name="Cells">The cells in column order, untrimmed; missing trailing cells are absent.</param>
internal sealed record EvidenceRow(int Line, IReadOnlyList<string> Cells)
{
    /// <summary>The cell at <paramref name="index"/>, or "" past the row's end.</summary>
    public string Cell(int index) => index >= 0 && index < Cells.Count ? Cells[index] : "";

    /// <summary>True when every cell is empty or white space (a blank line, or ",,,,").</summary>
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}
