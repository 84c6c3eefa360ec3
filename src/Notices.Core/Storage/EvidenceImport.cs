namespace Notices.Core.Storage;

/// <summary>One entry of the store's import history: a file imported, or a withdrawal made.</summary>
/// <param name="Key">The import's key in the store.</param>
/// <param name="FileName">The file name as it was given, or <see cref="EvidenceStore.VoidSource"/>
/// for a withdrawal made with <c>notices evidence void</c>.</param>
/// <param name="Sha256">The SHA-256 of the file's bytes (lower-case hex); null for a withdrawal.</param>
/// <param name="ImportedBy">Who imported it.</param>
/// <param name="ImportedAt">When, in UTC.</param>
/// <param name="Rows">How many records it stored.</param>
public sealed record EvidenceImport(
    long Key,
    string FileName,
    string? Sha256,
    string ImportedBy,
    DateTimeOffset ImportedAt,
    int Rows);
