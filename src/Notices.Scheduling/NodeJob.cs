using System.Globalization;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Notices.Scheduling;

/// <summary>
/// The Quartz job of one district: every trigger of the district's nodes fires it. Its job
/// data names the district, a trigger's the node; it runs the district's due nodes in date
/// order (so a node missed during downtime runs before the one that fired), or one node when
/// forced. One job per district, so <see cref="DisallowConcurrentExecutionAttribute"/> keeps two
/// runs of one district from overlapping, across a cluster too, while districts run side by side
/// on the threads of one process and on the processes of a cluster.
/// </summary>
[DisallowConcurrentExecution]
public sealed class NodeJob : IJob
{
    /// <summary>The group of every node job.</summary>
    public const string Group = "notices";

    /// <summary>Job data: the node date, yyyy-MM-dd.</summary>
    public const string NodeKey = "node";

    /// <summary>Job data: the district's id.</summary>
    public const string DistrictKey = "district";

    /// <summary>Job data: "true" to redo a node already done.</summary>
    public const string ForceKey = "force";

    /// <summary>Job data: "true" to run the district's due nodes (the start-up catch-up).</summary>
    public const string CatchUpKey = "catchup";

    /// <summary>
    /// The job store's key of the single job every district shared before districts ran side
    /// by side; the installer deletes it, with its triggers, from a job store made then.
    /// </summary>
    public static readonly JobKey Shared = new("node", Group);

    /// <summary>The job store's key of <paramref name="district"/>'s node job, e.g. node-shili.</summary>
    public static JobKey KeyFor(string district) => new($"node-{district}", Group);

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
        var district = data.GetString(DistrictKey)
            ?? throw new JobExecutionException($"Job {context.JobDetail.Key} has no district in its job data.");

        // Quartz fires the job again, recovering, when the process running it died (the job
        // requests recovery; in a cluster, once the others find that process dead). A district's
        // job never runs twice at once, in one process or across a cluster, so a run of the
        // district still marked running now is one the dead process left: it is marked
        // interrupted and runs again, with every other node of the district due.
        if (context.Recovering)
        {
            await runner.InterruptAbandonedAsync(district, context.Trigger.Key.Name, ct);
            await runner.RunDueAsync(district, ct, stopping);
            return;
        }

        if (data.GetString(CatchUpKey) == "true")
        {
            await runner.RunDueAsync(district, ct, stopping);
            return;
        }

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
