using System.Globalization;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Notices.Scheduling;

/// <summary>
/// The one Quartz job every node trigger fires. Its job data names the node and district;
/// it runs that district's due nodes in date order (so a node missed during downtime runs
/// before the one that fired), or one node when forced, or every district's at catch-up.
/// One job for all triggers, so <see cref="DisallowConcurrentExecutionAttribute"/> keeps any
/// two of them from running at once, across a cluster too.
/// </summary>
[DisallowConcurrentExecution]
public sealed class NodeJob : IJob
{
    /// <summary>The job's key in the job store.</summary>
    public static readonly JobKey Key = new("node", "notices");

    /// <summary>Job data: the node date, yyyy-MM-dd.</summary>
    public const string NodeKey = "node";

    /// <summary>Job data: the district's id.</summary>
    public const string DistrictKey = "district";

    /// <summary>Job data: "true" to redo a node already done.</summary>
    public const string ForceKey = "force";

    /// <summary>Job data: "true" to run every district's due nodes (the start-up catch-up).</summary>
    public const string CatchUpKey = "catchup";

    private readonly NodeRunner runner;
    private readonly CancellationToken stopping;

    /// <summary>Created by Quartz's job factory from the container.</summary>
    public NodeJob(NodeRunner runner, IHostApplicationLifetime? lifetime = null)
    {
        this.runner = runner;
        stopping = lifetime?.ApplicationStopping ?? CancellationToken.None;
    }

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var ct = cancellationToken;

        // Quartz fires the job again, recovering, when the process running it died (the job
        // requests recovery; in a cluster, once the others find that process dead). The node
        // job never runs twice at once, in one process or across a cluster, so a run still
        // marked running now is one the dead process left: it is marked interrupted and runs
        // again, with every other node due, as at a catch-up.
        if (context.Recovering)
        {
            await runner.InterruptAbandonedAsync(context.Trigger.Key.Name, ct);
            await runner.RunDueAsync(null, ct, stopping);
            return;
        }

        if (data.GetString(CatchUpKey) == "true")
        {
            await runner.RunDueAsync(null, ct, stopping);
            return;
        }

        var district = data.GetString(DistrictKey)
            ?? throw new JobExecutionException($"Trigger {context.Trigger.Key} has no district in its job data.");
        var text = data.GetString(NodeKey)
            ?? throw new JobExecutionException($"Trigger {context.Trigger.Key} has no node in its job data.");
        var date = DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var node = runner.Schedule.Find(date, district)
            ?? throw new JobExecutionException(
                $"Trigger {context.Trigger.Key} names node {text} for district '{district}', "
                + "which the scheme does not have; delete the trigger or load the scheme it was made from.");

        if (data.GetString(ForceKey) == "true")
        {
            await runner.RunAsync(node, force: true, ct);
            return;
        }

        // Earlier nodes first: after downtime, the trigger that fires may not be the oldest.
        await runner.RunDueAsync(district, ct, stopping);
        if (!stopping.IsCancellationRequested)
            await runner.RunAsync(node, force: false, ct);
    }
}
