using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Notices.Cli;
using Notices.Cli.Service;
using Notices.Core.Schemes;
using Notices.Core.Storage;
using Notices.Scheduling;

namespace Notices.Benchmarks;

/// <summary>
/// One bulletin node for the whole city, end to end, in a process of its own and through the
/// service's own code: the node runner claims each district's run and hands it to the work
/// <c>notices run</c> does (load the district's evidence, score, snapshot, render DOCX, PDF and
/// posting, queue and deliver the mail), the districts side by side on
/// <see cref="ScheduleOptions.Workers"/> threads as the per-district Quartz jobs run them. Mail
/// goes to the pickup folder: no SMTP latency.
/// </summary>
internal static class CityNodeBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var folder = args[0];
        var kind = args.Length > 1 ? args[1] : "annual";
        var root = FindRoot();
        var total = Stopwatch.StartNew();
        var scheme = SchemeLoader.Load(Path.Combine(folder, "city.yaml"));
        var database = args.Length > 3
            ? new Database(Enum.Parse<StoreProvider>(args[2]), args[3])
            : Database.Sqlite(Path.Combine(folder, "city.db"));
        var bulletin = scheme.FindBulletin(kind)!;
        var settings = new NoticesSettings
        {
            Templates = Path.Combine(root, "templates"),
            Output = Path.Combine(folder, "output"),
            Smtp = { PickupFolder = Path.Combine(folder, "output", "mail-pickup") },
        };
        var options = new ScheduleOptions();
        if (Environment.GetEnvironmentVariable("NOTICES__Schedule__Workers") is { } workers)
            options.Workers = int.Parse(workers, System.Globalization.CultureInfo.InvariantCulture);
        var schedule = NodeSchedule.Build(scheme, options);
        var runs = new NodeRunStore(database);
        await runs.EnsureAsync();
        var steps = new ConcurrentQueue<NodeStep>();
        var work = new Recorded(new BulletinNodeWork(scheme, settings, database, TimeProvider.System), steps);
        var runner = new NodeRunner(schedule, runs, work, TimeProvider.System, options,
            NullLogger<NodeRunner>.Instance);
        var nodes = schedule.Nodes.Where(n => n.Node == bulletin.Date).ToList();
        var startUp = total.Elapsed.TotalMilliseconds;

        // The managed heap's share of the peak, sampled; the rest is the runtime, code and fonts.
        long heapPeak = 0;
        using var sampler = new Timer(_ =>
            Interlocked.Exchange(ref heapPeak, Math.Max(Interlocked.Read(ref heapPeak), GC.GetTotalMemory(false))),
            null, 0, 10);
        var clock = Stopwatch.StartNew();
        var took = new double[nodes.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, nodes.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Workers }, async (i, ct) =>
            {
                var one = Stopwatch.StartNew();
                // A run that fails is recorded in node_runs and listed below.
                await runner.RunAsync(nodes[i], force: false, ct);
                took[i] = one.Elapsed.TotalMilliseconds;
            });
        var nodeMs = clock.Elapsed.TotalMilliseconds;

        var records = await runs.ListAsync();
        var failed = records.Where(r => r.State != NodeRunStore.Done).ToList();
        if (failed.Count > 0)
        {
            Console.Error.WriteLine($"  {failed.Count} of {records.Count} district runs did not finish:");
            foreach (var r in failed)
                Console.Error.WriteLine($"  {r.Node:yyyy-MM-dd} {r.District}: {r.State} {r.Outcome}");
            return 1;
        }
        var bytes = Directory.EnumerateFiles(Path.Combine(settings.Output, scheme.Year.ToString(
            System.Globalization.CultureInfo.InvariantCulture), kind), "*", SearchOption.AllDirectories)
            .Sum(f => new FileInfo(f).Length);
        var mail = Directory.EnumerateFiles(settings.Smtp.PickupFolder, "*.eml").Count();

        Console.WriteLine($"  start-up (scheme, fonts, tables) {startUp,10:0} ms");
        Console.WriteLine($"  {nodes.Count} district runs on {options.Workers} threads "
            + $"{nodeMs,10:0} ms  {nodes.Count / (nodeMs / 1000),8:0.0} bulletins/s, "
            + $"{bytes / 1048576.0:0.0} MB written, {mail} messages");
        Console.WriteLine($"  one district's run, mean (min-max) {took.Average(),8:0} ms  "
            + $"({took.Min():0}-{took.Max():0})");
        foreach (var step in steps.GroupBy(st => st.Name))
        {
            var mean = step.Average(st => st.Took.TotalMilliseconds);
            Console.WriteLine($"    {step.Key,-8} per district, mean {mean,8:0} ms"
                + $"  (sum {step.Sum(st => st.Took.TotalMilliseconds) / 1000:0.0} s over the threads)");
        }
        Console.WriteLine($"  node end to end            {total.Elapsed.TotalMilliseconds,10:0} ms");
        Console.WriteLine($"  node peak working set      "
            + $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0,10:0} MB");
        Console.WriteLine($"    of which the managed heap  {Interlocked.Read(ref heapPeak) / 1048576.0,10:0} MB");
        Console.WriteLine($"  allocated {GC.GetTotalAllocatedBytes() / 1048576.0:0} MB, "
            + $"garbage collection paused {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms "
            + $"({GC.CollectionCount(0)} collections, {GC.CollectionCount(2)} of them full)");
        return 0;
    }

    // The service's work, keeping the times of its steps.
    private sealed class Recorded(INodeWork work, ConcurrentQueue<NodeStep> steps) : INodeWork
    {
        public async Task<NodeOutcome> RunAsync(NodeRun run, CancellationToken ct)
        {
            var outcome = await work.RunAsync(run, ct);
            foreach (var step in outcome.Steps)
                steps.Enqueue(step);
            return outcome;
        }
    }

    internal static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Notices.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("run from inside the Notices repository");
    }
}
