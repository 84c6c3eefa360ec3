using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Notices.Scheduling;

/// <summary>
/// At start (after Quartz's own hosted service has started the scheduler and provisioned its
/// schema): prepares the node_runs table, stores each district's node job and a trigger for
/// every node still ahead, and fires the catch-up of every district with a node whose time has
/// passed undone.
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
            var interrupted = await runs.InterruptRunningAsync(ct: cancellationToken);
            if (interrupted > 0)
                logger.LogWarning("{Count} node runs were cut short by the last stop; they run again now", interrupted);
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);

        // A job store made when every district shared one node job: that job goes, and its
        // triggers with it; the ones still ahead are added again below for the district's job.
        if (await scheduler.DeleteJob(NodeJob.Shared, cancellationToken))
            logger.LogInformation("Replaced the shared node job of an earlier version by one job per district");
        foreach (var district in runner.Schedule.Scheme.Districts)
        {
            var job = JobBuilder.Create<NodeJob>()
                .WithIdentity(NodeJob.KeyFor(district.Id))
                .UsingJobData(NodeJob.DistrictKey, district.Id)
                .StoreDurably()
                .RequestRecovery()
                .WithDescription($"Scores, and at a bulletin node renders and mails, a node of {district.Name}")
                .Build();
            await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);
        }

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

        foreach (var district in runner.Schedule.DueBy(now).Select(n => n.District).Distinct())
        {
            await scheduler.ScheduleJob(NodeTriggers.CatchUp(district, now, time),
                cancellationToken: cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
