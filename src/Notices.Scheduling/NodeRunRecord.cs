namespace Notices.Scheduling;

/// <summary>One row of the node_runs table: how a node's run for one district went.</summary>
/// <param name="Node">The node date.</param>
/// <param name="District">The district's id.</param>
/// <param name="State">running, done, failed or interrupted (the process died while running).</param>
/// <param name="Attempts">How many times the node was started, forced reruns included.</param>
/// <param name="Started">When the latest attempt started.</param>
/// <param name="Finished">When the latest attempt finished, or null while running.</param>
/// <param name="Outcome">What the latest attempt made, or why it failed.</param>
/// <param name="Owner">The instance that ran the latest attempt.</param>
public sealed record NodeRunRecord(
    DateOnly Node,
    string District,
    string State,
    int Attempts,
    DateTimeOffset Started,
    DateTimeOffset? Finished,
    string? Outcome,
    string Owner);
