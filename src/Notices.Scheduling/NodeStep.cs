namespace Notices.Scheduling;

/// <summary>One step of a node's work and how long it took, for the log and the benchmarks.</summary>
/// <param name="Name">The step: score, render, mail.</param>
/// <param name="Took">Its wall-clock time.</param>
public sealed record NodeStep(string Name, TimeSpan Took);
