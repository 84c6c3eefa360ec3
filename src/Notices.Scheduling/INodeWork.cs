namespace Notices.Scheduling;

/// <summary>
/// What happens at one node for one district: score, store the snapshot and, at a bulletin
/// node, render and send. The schedule knows nothing of how; it only calls this once per node
/// and district, records the outcome and logs it.
/// </summary>
public interface INodeWork
{
    /// <summary>Does the node's work for <paramref name="run"/>'s district.</summary>
    /// <param name="run">The node, the district, the bulletin issued there (if any), and whether
    /// the run was forced over an earlier one.</param>
    /// <param name="ct">Signalled when the service stops; work that cannot stop cleanly may finish.</param>
    /// <returns>The files made and the messages queued or sent, for the log and the run record.</returns>
    Task<NodeOutcome> RunAsync(NodeRun run, CancellationToken ct);
}
