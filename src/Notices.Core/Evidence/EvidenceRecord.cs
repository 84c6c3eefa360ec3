namespace Notices.Core.Evidence;

/// <summary>
/// One fact about one unit and one item, as read from an evidence file or the store.
/// A row that only withdraws an earlier record has <see cref="Voids"/> set and no fact.
/// </summary>
/// <param name="Unit">The unit's short id (城关), resolved against the scheme; null on a withdraw-only row.</param>
/// <param name="Item">The item id (1.1); null on a withdraw-only row.</param>
/// <param name="Fact">The fact name (submitted, unrecorded…); null on a withdraw-only row.</param>
/// <param name="Value">The value: a count, 1 for a flag, a judged score; null where blank.</param>
/// <param name="Date">The day the fact happened; null on a withdraw-only row.</param>
/// <param name="Note">Free text, e.g. the document number of a report.</param>
/// <param name="Id">The record's own identifier from the file's id column, if any.</param>
/// <param name="Voids">The id of an earlier record this one withdraws, if any.</param>
/// <param name="Source">Where the record came from: file and line, or store key.</param>
public sealed record EvidenceRecord(
    string? Unit,
    string? Item,
    string? Fact,
    decimal? Value,
    DateOnly? Date,
    string? Note,
    string? Id,
    string? Voids,
    RecordSource Source)
{
    /// <summary>True when the row carries a fact (not only a withdrawal).</summary>
    public bool HasFact => Unit is not null && Item is not null && Fact is not null && Date is not null;

    /// <summary>How a deduction cites this record: its id when it has one, else file:line.</summary>
    public string Reference => Id ?? Source.ToString();
}

/// <summary>Where a record came from: a file and line, and (once stored) its key in the store.</summary>
/// <param name="File">The file name the record was read from.</param>
/// <param name="Line">The line (1-based, header is line 1) where the record starts.</param>
/// <param name="Key">The store's key for the record; 0 while not stored.</param>
public sealed record RecordSource(string File, int Line, long Key = 0)
{
    /// <summary>"#17" for a stored record, else "evidence.csv:17".</summary>
    public override string ToString() => Key > 0 ? $"#{Key}" : $"{File}:{Line}";
}
