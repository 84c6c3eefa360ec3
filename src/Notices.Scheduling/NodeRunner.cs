using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Notices.Scheduling;

/// <summary>
/// Runs nodes: claims each in the node_runs table, hands it to <see cref="INodeWork"/>,
/// records and logs what it made. Whatever fires it (a node's trigger, the catch-up at start,
/// an operator's forced rerun), a node done is not done again unless forced, and within one
/// process two runs of one district never overlap; districts run side by side.
/// </summary>
public sealed class NodeRunner
{
    private readonly NodeRunStore runs;
    private readonly INodeWork work;
    private readonly TimeProvider time;
    private readonly TimeSpan lease;
    private readonly ILogger logger;

    // Quartz's [DisallowConcurrentExecution] keeps a district's node job from overlapping
    // itself; these also cover a caller outside Quartz (a test, a command) running nodes directly.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);

    /// <summary>Creates a runner over <paramref name="schedule"/> that records in <paramref name="runs"/>.</summary>
    public NodeRunner(NodeSchedule schedule, NodeRunStore runs, INodeWork work, TimeProvider time,
        ScheduleOptions options, ILogger<NodeRunner> logger)
    {
        Schedule = schedule;
        this.runs = runs;
        this.work = work;
        this.time = time;
        lease = options.RunLease;
        Owner = options.ProcessInstanceId;
        this.logger = logger;
    }

    /// <summary>The year's schedule this runner works through.</summary>
    public NodeSchedule Schedule { get; }

    /// <summary>This process's name in the node_runs table.</summary>
    public string Owner { get; }

    /// <summary>
    /// Runs, in date order, every node due by now and not done: <paramref name="district"/>'s,
    /// or every district's one district after another. This is the catch-up after downtime, and
    /// what every node's trigger does, so a node missed while the service was down runs before a
    /// later one.
    /// </summary>
    /// <param name="district">Only this district's nodes; all districts' when null.</param>
    /// <param name="ct">Cancels the work of the running node.</param>
    /// <param name="stopping">Signalled when the service stops: the running node finishes, and
    /// no further node starts; those left run at the next start.</param>
    /// <returns>The nodes this call ran (not those done before or by another process).</returns>
    public async Task<IReadOnlyList<ScheduledNode>> RunDueAsync(string? district, CancellationToken ct,
        CancellationToken stopping = default)
    {
        if (district is null)
        {
            var all = new List<ScheduledNode>();
            foreach (var d in Schedule.Scheme.Districts)
                all.AddRange(await RunDueAsync(d.Id, ct, stopping));
            return all;
        }

        var ran = new List<ScheduledNode>();
        var gate = Gate(district);
        await gate.WaitAsync(ct);
        try
        {
            // One read of what is done, then a claim only for the rest: a trigger late in the
            // year would otherwise try a claim for every node of the year.
            var done = await runs.DoneAsync(ct);
            foreach (var node in Schedule.DueBy(time.GetUtcNow(), district))
            {
                if (done.Contains((node.Node, node.District)))
                    continue;
                ct.ThrowIfCancellationRequested();
                if (stopping.IsCancellationRequested)
                {
                    logger.LogInformation("Stopping: node {Node} for {District} and later ones wait for the next start",
                        Day(node), node.District);
                    break;
                }
                if (await RunClaimedAsync(node, force: false, ct))
                    ran.Add(node);
            }
        }
        finally
        {
            gate.Release();
        }
        return ran;
    }

    /// <summary>
    /// Runs one node now, whatever its fire time; a node already done only when
    /// <paramref name="force"/>d.
    /// </summary>
    /// <returns>True when the node ran in this call.</returns>
    public async Task<bool> RunAsync(ScheduledNode node, bool force, CancellationToken ct)
    {
        var gate = Gate(node.District);
        await gate.WaitAsync(ct);
        try
        {
            return await RunClaimedAsync(node, force, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Marks the runs of <paramref name="district"/> left running as interrupted, so that they
    /// run again. Called only when Quartz recovers the district's node job from a process that
    /// died inside it: that job never runs twice at once, so no run of the district marked
    /// running then belongs to a live process.
    /// </summary>
    /// <param name="district">The district whose node job is recovered.</param>
    /// <param name="recovery">The recovery trigger's name, for the log.</param>
    /// <param name="ct">Cancels the update.</param>
    /// <returns>How many runs were interrupted.</returns>
    public async Task<int> InterruptAbandonedAsync(string district, string recovery, CancellationToken ct)
    {
        var gate = Gate(district);
        await gate.WaitAsync(ct);
        try
        {
            var interrupted = await runs.InterruptRunningAsync(district, ct);
            logger.LogWarning(
                "Recovering the node job of {District} from a process that died running it ({Trigger}): "
                + "{Count} node runs it left running are run again", district, recovery, interrupted);
            return interrupted;
        }
        finally
        {
            gate.Release();
        }
    }

    private SemaphoreSlim Gate(string district) => gates.GetOrAdd(district, _ => new SemaphoreSlim(1, 1));

    private async Task<bool> RunClaimedAsync(ScheduledNode node, bool force, CancellationToken ct)
    {
        if (!await runs.TryBeginAsync(node.Node, node.District, force, time.GetUtcNow(), lease, Owner, ct))
        {
            logger.LogDebug("Node {Node} for {District} is done or running elsewhere; skipped",
                Day(node), node.District);
            return false;
        }

        var late = time.GetUtcNow() - node.FireAt;
        logger.LogInformation(
            "Node {Node} for {District} starts{Bulletin}{Forced}{Late}",
            Day(node), node.District,
            node.Bulletin is null ? "" : $" (bulletin {node.Bulletin.Kind})",
            force ? " (forced)" : "",
            Late(late));

        var started = time.GetTimestamp();
        try
        {
            var outcome = await work.RunAsync(node.ToRun(force), ct);
            var took = time.GetElapsedTime(started);

            // The record is written with no cancellation: the work is done, and a done node
            // that is not recorded would be done twice.
            await runs.CompleteAsync(node.Node, node.District, time.GetUtcNow(), outcome.ToString(),
                CancellationToken.None);
            foreach (var file in outcome.Files)
                logger.LogInformation("Node {Node} for {District} wrote {File}", Day(node), node.District, file);
            foreach (var message in outcome.Messages)
                logger.LogInformation("Node {Node} for {District} mailed {Message}", Day(node), node.District, message);
            logger.LogInformation("Node {Node} for {District} done in {Seconds:0.000} s: {Outcome}{Steps}",
                Day(node), node.District, took.TotalSeconds, outcome,
                outcome.Steps.Count == 0 ? "" : " (" + string.Join(", ", outcome.Steps.Select(
                    s => $"{s.Name} {s.Took.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s")) + ")");
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await runs.FailAsync(node.Node, node.District, time.GetUtcNow(), "stopped while running",
                CancellationToken.None);
            logger.LogWarning("Node {Node} for {District} stopped while running; it runs again at the next start",
                Day(node), node.District);
            throw;
        }
        catch (Exception e)
        {
            await runs.FailAsync(node.Node, node.District, time.GetUtcNow(), e.Message, CancellationToken.None);
            logger.LogError(e,
                "Node {Node} for {District} failed after {Seconds:0.000} s; it runs again at the next catch-up",
                Day(node), node.District, time.GetElapsedTime(started).TotalSeconds);
            return false;
        }
    }

    private static string Day(ScheduledNode node) => node.Node.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Late(TimeSpan late) =>
        late < TimeSpan.FromMinutes(1) ? ""
        : late < TimeSpan.FromDays(2) ? $", {late.TotalHours:0.#} h late"
        : $", {late.TotalDays:0} days late";
}
