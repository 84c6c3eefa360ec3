using System.Collections.Concurrent;

namespace Notices.Scheduling.Tests;

/// <summary>
/// Node work that records every call, how many ran at once, and can hold a run open until
/// the test releases it or a real delay passes.
/// </summary>
internal sealed class RecordingWork : INodeWork
{
    private readonly ConcurrentDictionary<string, int> runningIn = new(StringComparer.Ordinal);
    private int running;
    private int maxRunning;
    private int maxRunningInADistrict;

    public ConcurrentQueue<NodeRun> Runs { get; } = new();

    public ConcurrentQueue<NodeRun> Finished { get; } = new();

    /// <summary>Real time each run takes (the overlap and shutdown tests need a run that lasts).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Node dates whose work throws, once each.</summary>
    public ConcurrentDictionary<DateOnly, bool> FailOnce { get; } = new();

    /// <summary>The most runs at once, of any districts.</summary>
    public int MaxRunning => Volatile.Read(ref maxRunning);

    /// <summary>The most runs at once of one district.</summary>
    public int MaxRunningInADistrict => Volatile.Read(ref maxRunningInADistrict);

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<NodeOutcome> RunAsync(NodeRun run, CancellationToken ct)
    {
        Raise(ref maxRunning, Interlocked.Increment(ref running));
        Raise(ref maxRunningInADistrict, runningIn.AddOrUpdate(run.District, 1, (_, n) => n + 1));
        Runs.Enqueue(run);
        Started.TrySetResult();
        try
        {
            if (Delay > TimeSpan.Zero)
                await Task.Delay(Delay, CancellationToken.None);
            if (FailOnce.TryRemove(run.Node, out _))
                throw new InvalidOperationException($"node {run.Node} failed on purpose");
            Finished.Enqueue(run);
            var files = run.Bulletin is null
                ? Array.Empty<string>()
                : [$"output/{run.District}-{run.Bulletin.Kind}.pdf"];
            return new NodeOutcome(files, run.Bulletin is null ? [] : [$"<{run.District}@notices> to gov"]);
        }
        finally
        {
            runningIn.AddOrUpdate(run.District, 0, (_, n) => n - 1);
            Interlocked.Decrement(ref running);
        }
    }

    private static void Raise(ref int most, int now)
    {
        int seen;
        while ((seen = Volatile.Read(ref most)) < now)
            Interlocked.CompareExchange(ref most, now, seen);
    }

    public IEnumerable<NodeRun> For(string district) => Runs.Where(r => r.District == district);
}
