using System.Globalization;
using Quartz;

namespace Notices.Scheduling;

/// <summary>
/// The Quartz triggers of the districts' node jobs: one one-shot trigger per node and district
/// at its fire time, a catch-up trigger per district at start, and a forced rerun on an
/// operator's request.
/// Every trigger fires once now when it was missed (the service was down at its time).
/// </summary>
public static class NodeTriggers
{
    /// <summary>The trigger group of every node trigger.</summary>
    public const string Group = "notices";

    /// <summary>The trigger key of <paramref name="node"/>, e.g. node-2021-06-25-shili.</summary>
    public static TriggerKey KeyOf(ScheduledNode node) =>
        new($"node-{node.Node:yyyy-MM-dd}-{node.District}", Group);

    /// <summary>The trigger that fires <paramref name="node"/> at its fire time.</summary>
    public static ITrigger ForNode(ScheduledNode node, TimeProvider time) =>
        Build(KeyOf(node), node.FireAt, node, force: false, time,
            $"Node {node}{(node.Bulletin is null ? "" : $", bulletin {node.Bulletin.Kind}")}");

    /// <summary>A trigger that fires now and runs <paramref name="district"/>'s due nodes in date order.</summary>
    public static ITrigger CatchUp(string district, DateTimeOffset now, TimeProvider time) =>
        TriggerBuilder.Create(time)
            .WithIdentity($"catchup-{district}-{now.UtcTicks.ToString(CultureInfo.InvariantCulture)}", Group)
            .ForJob(NodeJob.KeyFor(district))
            .UsingJobData(NodeJob.CatchUpKey, "true")
            .StartAt(now)
            .WithSimpleSchedule(OnceFiringNowIfMissed)
            .WithDescription($"Catch-up of {district}: every node due and not done")
            .Build();

    /// <summary>
    /// A trigger that fires now (by <paramref name="time"/>) and redoes <paramref name="node"/>
    /// even if it is done.
    /// </summary>
    public static ITrigger Forced(ScheduledNode node, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var key = new TriggerKey($"force-{node.Node:yyyy-MM-dd}-{node.District}-{now.UtcTicks}", Group);
        return Build(key, now, node, force: true, time, $"Forced rerun of node {node}");
    }

    private static ITrigger Build(TriggerKey key, DateTimeOffset at, ScheduledNode node, bool force,
        TimeProvider time, string description) =>
        TriggerBuilder.Create(time)
            .WithIdentity(key)
            .ForJob(NodeJob.KeyFor(node.District))
            .UsingJobData(NodeJob.NodeKey, node.Node.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .UsingJobData(NodeJob.DistrictKey, node.District)
            .UsingJobData(NodeJob.ForceKey, force ? "true" : "false")
            .StartAt(at)

            // A node missed while the service was down fires once, as soon as it is seen.
            .WithSimpleSchedule(OnceFiringNowIfMissed)
            .WithDescription(description)
            .Build();

    private static void OnceFiringNowIfMissed(SimpleScheduleBuilder schedule) =>
        schedule.WithRepeatCount(0).WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow);
}
