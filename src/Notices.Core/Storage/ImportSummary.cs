namespace Notices.Core.Storage;

/// <summary>What one <see cref="EvidenceStore.ImportAsync"/> stored.</summary>
/// <param name="Files">Each file imported, in the order given.</param>
public sealed record ImportSummary(IReadOnlyList<ImportedFile> Files)
{
    /// <summary>Records stored from all files.</summary>
    public int Rows => Files.Sum(f => f.Rows);
}
