namespace Notices.Documents.Model;

/// <summary>Starts a new page in the same orientation.</summary>
public sealed record PageBreak : Block;
