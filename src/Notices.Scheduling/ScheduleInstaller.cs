using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Notices.Scheduling;

/// <summary>
/// At start (after Quartz's own hosted service has started the scheduler and provisioned its
/// schema): prepares the node_runs table, stores the node job and a trigger for every node
/// still ahead, and fires the catch-up for every node whose time has passed undone.
/// </summary>
public sealed class ScheduleInstaller : IHostedService
{
    private readonly ISchedulerFactory schedulers;
    private readonly NodeRunner runner;
    private readonly NodeRunStore runs;
    private readonly ScheduleOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    /// <summary>Created by the host.</summary>
    public ScheduleInstaller(ISchedulerFactory schedulers, NodeRunner runner, NodeRunStore runs,
        ScheduleOptions options, TimeProvider time, ILogger<ScheduleInstaller> logger)
    {
        this.schedulers = schedulers;
        this.runner = runner;
        this.runs = runs;
        this.options = options;
        this.time = time;
        this.logger = logger;
    }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await runs.EnsureAsync(cancellationToken);

        // One process per SQLite store: a run it finds running was cut short by a crash or a
        // power cut, and is run again by the catch-up below. In a cluster another process may
        // be running it; the lease decides there.
        if (!options.Clustered)
        {
            var interrupted = await runs.InterruptRunningAsync(cancellationToken);
            if (interrupted > 0)
                logger.LogWarning("{Count} node runs were cut short by the last stop; they run again now", interrupted);
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<NodeJob>()
            .WithIdentity(NodeJob.Key)
            .StoreDurably()
            .RequestRecovery()
            .WithDescription("Scores, and at a bulletin node renders and mails, one node of the scheme")
            .Build();
        await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);

        var now = time.GetUtcNow();
        var added = 0;
        foreach (var node in runner.Schedule.After(now))
        {
            if (await scheduler.Exists(NodeTriggers.KeyOf(node), cancellationToken))
                continue;
            try
            {
                await scheduler.ScheduleJob(NodeTriggers.ForNode(node, time), cancellationToken: cancellationToken);
                added++;
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another process of the cluster, starting at the same time, added it first.
            }
        }

        var due = runner.Schedule.DueBy(now).Count();
        logger.LogInformation(
            "Schedule of {Year}: {Nodes} nodes for {Districts} districts at {TimeOfDay} {Zone}; "
            + "{Added} triggers added, {Due} nodes already due are caught up now",
            runner.Schedule.Scheme.Year, runner.Schedule.Nodes.Count, runner.Schedule.Scheme.Districts.Count,
            runner.Schedule.TimeOfDay, runner.Schedule.Zone.Id, added, due);

        if (due > 0)
            await scheduler.ScheduleJob(NodeTriggers.CatchUp(now, time), cancellationToken: cancellationToken);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
