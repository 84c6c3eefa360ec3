namespace Notices.Cli.Tests.Support;

/// <summary>
/// Tests that run a cluster of <c>notices run</c> processes on a fast clock: they run alone,
/// after the rest, because their processes keep time with the real clock and share two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessClusterCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "process cluster";
}
