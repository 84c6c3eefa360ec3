namespace Notices.Scheduling;

/// <summary>What a node's work made: the files written and the messages queued or sent.</summary>
/// <param name="Files">Paths of the files written (snapshot exports, DOCX, PDF, postings).</param>
/// <param name="Messages">One line per message queued or sent, e.g. its Message-ID and recipient.</param>
public sealed record NodeOutcome(IReadOnlyList<string> Files, IReadOnlyList<string> Messages)
{
    /// <summary>Nothing made: a node whose work only stored something.</summary>
    public static NodeOutcome Empty { get; } = new([], []);

    /// <summary>The work's steps in order, with their times; empty when the work does not say.</summary>
    public IReadOnlyList<NodeStep> Steps { get; init; } = [];

    /// <summary>A one-line summary for the run record, e.g. "2 files, 5 messages".</summary>
    public override string ToString() => $"{Files.Count} files, {Messages.Count} messages";
}
