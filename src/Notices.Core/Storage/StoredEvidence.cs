using Notices.Core.Evidence;

namespace Notices.Core.Storage;

/// <summary>A stored record with its import and, when withdrawn, what withdrew it.</summary>
/// <param name="Record">The record; its <see cref="RecordSource"/> names file, line and key.</param>
/// <param name="Import">The import that stored it (who and when).</param>
/// <param name="WithdrawnBy">The record that withdraws it (its id, or #key), or null.</param>
public sealed record StoredEvidence(EvidenceRecord Record, EvidenceImport Import, string? WithdrawnBy);
