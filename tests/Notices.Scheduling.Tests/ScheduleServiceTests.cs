using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Notices.Core.Storage;
using Quartz;

namespace Notices.Scheduling.Tests;

/// <summary>
/// The service as it runs: the generic host, Quartz 4.7.3 with its persistent SQLite job
/// store, driven by a fake clock that Quartz itself waits on.
/// </summary>
[Collection("service")]
public sealed class ScheduleServiceTests : IDisposable
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task SimulatedYear_ThroughQuartz_RunsEachNodeOncePerDistrict_BulletinsInOrder()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 1, 1, 0, 0, 0, China));
        var work = new RecordingWork();
        using var host = ServiceHost.Build(folder, time, work);
        await host.StartAsync();

        var fireTimes = NodeSchedule.Build(TestScheme.Create(), new ScheduleOptions()).Nodes
            .Select(n => n.FireAt).Distinct().ToList();
        var expected = 0;
        foreach (var fireAt in fireTimes)
        {
            time.SetUtcNow(fireAt.AddSeconds(1));
            expected += 2;
            await ServiceHost.WaitUntil(() => work.Finished.Count >= expected, $"{expected} runs by {fireAt}");
        }
        time.SetUtcNow(new DateTimeOffset(2022, 1, 1, 0, 0, 0, China));
        await Task.Delay(500);
        await host.StopAsync();

        Assert.Equal(16, work.Runs.Count);
        foreach (var district in new[] { "shili", "d1" })
        {
            Assert.Equal(TestScheme.NodeDates, work.For(district).Select(r => r.Node));
            Assert.Equal(["half-year", "q3", "annual"],
                work.For(district).Where(r => r.Bulletin is not null).Select(r => r.Bulletin!.Kind));
        }
    }

    [Fact]
    public async Task JobStoreOfTheSharedNodeJob_IsMovedToOneJobPerDistrict_AndItsNodesStillRun()
    {
        // A job store as the version with one node job for every district left it: that job,
        // and a trigger of it for the 06-25 nodes.
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 6, 1, 9, 0, 0, China));
        var name = "test-" + Guid.NewGuid().ToString("N");
        var work = new RecordingWork();
        using (var old = ServiceHost.Build(folder, time, work, name))
        {
            await old.StartAsync();
            await ServiceHost.WaitUntil(() => work.Finished.Count >= 4, "the nodes due by 06-01");
            var scheduler = await old.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.Clear();
            await scheduler.AddJob(JobBuilder.Create<NodeJob>().WithIdentity(NodeJob.Shared).StoreDurably().Build(),
                AddJobOptions.Replacing);
            await scheduler.ScheduleJob(TriggerBuilder.Create(time)
                .WithIdentity("node-2021-06-25-shili", NodeTriggers.Group)
                .ForJob(NodeJob.Shared)
                .UsingJobData(NodeJob.NodeKey, "2021-06-25")
                .UsingJobData(NodeJob.DistrictKey, "shili")
                .StartAt(new DateTimeOffset(2021, 6, 25, 18, 0, 0, China))
                .Build());
            await old.StopAsync();
        }

        using var host = ServiceHost.Build(folder, time, work, name);
        await host.StartAsync();
        var jobs = await (await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler())
            .GetJobKeys(GroupMatcher<JobKey>.GroupEquals(NodeJob.Group));
        var trigger = await (await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler())
            .GetTrigger(new TriggerKey("node-2021-06-25-shili", NodeTriggers.Group));
        time.SetUtcNow(new DateTimeOffset(2021, 6, 25, 18, 0, 1, China));
        await ServiceHost.WaitUntil(() => work.Finished.Count(r => r.Node == new DateOnly(2021, 6, 25)) >= 2,
            "both districts' 06-25 nodes");
        await host.StopAsync();

        Assert.Equal([NodeJob.KeyFor("d1"), NodeJob.KeyFor("shili")], jobs.OrderBy(k => k.Name));
        Assert.Equal(NodeJob.KeyFor("shili"), trigger?.JobKey);
        Assert.Equal(["d1", "shili"], work.Runs.Where(r => r.Node == new DateOnly(2021, 6, 25))
            .Select(r => r.District).Order());
    }

    [Fact]
    public async Task InstanceIdAuto_GivesQuartzTheHostAndProcess_AsNodeRunsOwnersAre()
    {
        // A cluster finds a dead process by its name: were every process called AUTO, each
        // would check in for the others and a killed one's triggers would stay held.
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 1, 1, 0, 0, 0, China));
        var options = new ScheduleOptions();
        using var host = ServiceHost.Build(folder, time, new RecordingWork(), options: options);
        await host.StartAsync();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var runner = host.Services.GetRequiredService<NodeRunner>();
        await host.StopAsync();

        Assert.Equal("AUTO", options.InstanceId);
        Assert.Equal($"{Environment.MachineName}-{Environment.ProcessId}", scheduler.SchedulerInstanceId);
        Assert.Equal(scheduler.SchedulerInstanceId, runner.Owner);
    }

    [Fact]
    public async Task ServiceDownAcrossNodes_CatchesUpAtStart_OnceEach_InDateOrder()
    {
        // First start on 07-02: 03-31, 04-25, 06-25 (half-year) and 06-30 have passed.
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 7, 2, 9, 0, 0, China));
        var work = new RecordingWork();
        using var host = ServiceHost.Build(folder, time, work);
        await host.StartAsync();

        await ServiceHost.WaitUntil(() => work.Finished.Count >= 8, "the catch-up of 8 nodes");
        await Task.Delay(500);
        await host.StopAsync();

        Assert.Equal(8, work.Runs.Count);
        foreach (var district in new[] { "shili", "d1" })
            Assert.Equal(TestScheme.NodeDates[..4], work.For(district).Select(r => r.Node));
        var records = await new NodeRunStore(Database.Sqlite(folder.File("notices.db"))).ListAsync();
        Assert.All(records, r => Assert.True(r.Started >= time.GetUtcNow(), "ran late, at the start"));
    }

    [Fact]
    public async Task Restart_OverTheSameJobStore_DoesNotRedoDoneNodes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 7, 2, 9, 0, 0, China));
        var first = new RecordingWork();
        using (var host = ServiceHost.Build(folder, time, first, "restart"))
        {
            await host.StartAsync();
            await ServiceHost.WaitUntil(() => first.Finished.Count >= 8, "the first start's catch-up");
            await host.StopAsync();
        }

        // Down across the q3 bulletin (09-25) and the quarter end; back on 10-08.
        time.SetUtcNow(new DateTimeOffset(2021, 10, 8, 9, 0, 0, China));
        var second = new RecordingWork();
        using (var host = ServiceHost.Build(folder, time, second, "restart"))
        {
            await host.StartAsync();
            await ServiceHost.WaitUntil(() => second.Finished.Count >= 4, "the second start's catch-up");
            await Task.Delay(1000);
            await host.StopAsync();
        }

        Assert.Equal(8, first.Runs.Count);
        Assert.Equal(4, second.Runs.Count);
        Assert.All(second.Runs, r => Assert.True(r.Node > new DateOnly(2021, 7, 1), $"{r.Node} redone"));
        Assert.Equal(["q3", "q3"], second.Runs.Where(r => r.Bulletin is not null).Select(r => r.Bulletin!.Kind));
    }

    [Fact]
    public async Task ForcedRerun_RedoesADoneNode()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 4, 1, 9, 0, 0, China));
        var work = new RecordingWork();
        using var host = ServiceHost.Build(folder, time, work);
        await host.StartAsync();
        await ServiceHost.WaitUntil(() => work.Finished.Count >= 2, "the 03-31 nodes");

        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var node = host.Services.GetRequiredService<NodeSchedule>().Find(new DateOnly(2021, 3, 31), "shili")!;
        await scheduler.ScheduleJob(NodeTriggers.Forced(node, time));
        await ServiceHost.WaitUntil(() => work.Finished.Count >= 3, "the forced rerun");
        await host.StopAsync();

        Assert.Equal(2, work.For("shili").Count());
        Assert.True(work.For("shili").Last().Force);
        Assert.Single(work.For("d1"));
    }

    [Fact]
    public async Task TriggersFiringTogether_RunOneAtATimeInADistrict_DistrictsSideBySide()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 4, 1, 9, 0, 0, China));
        var work = new RecordingWork { Delay = TimeSpan.FromMilliseconds(300) };
        using var host = ServiceHost.Build(folder, time, work, options: new ScheduleOptions { Workers = 4 });
        await host.StartAsync();
        await ServiceHost.WaitUntil(() => work.Finished.Count >= 2, "the 03-31 nodes");

        // Four triggers at one instant, two for each district: Quartz has threads for all of
        // them, each district's job allows one at a time.
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var schedule = host.Services.GetRequiredService<NodeSchedule>();
        foreach (var node in schedule.Nodes.Take(2))
        {
            await scheduler.ScheduleJob(NodeTriggers.Forced(node, time));
            time.Advance(TimeSpan.FromTicks(1));
            await scheduler.ScheduleJob(NodeTriggers.Forced(node, time));
        }
        await ServiceHost.WaitUntil(() => work.Finished.Count >= 6, "four forced runs");
        await host.StopAsync();

        Assert.Equal(2, schedule.Nodes.Take(2).Select(n => n.District).Distinct().Count());
        Assert.Equal(1, work.MaxRunningInADistrict);
        Assert.Equal(2, work.MaxRunning);
    }

    [Fact]
    public async Task Shutdown_WaitsForTheRunningNode()
    {
        // One worker: the 03-31 nodes of the two districts run one after the other.
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 4, 1, 9, 0, 0, China));
        var work = new RecordingWork { Delay = TimeSpan.FromSeconds(2) };
        using var host = ServiceHost.Build(folder, time, work, options: new ScheduleOptions { Workers = 1 });
        await host.StartAsync();
        await work.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await host.StopAsync(TimeSpan.FromSeconds(30));

        // The running node finished and was recorded; the next one due (03-31 of the other
        // district) did not start, and waits for the next start.
        Assert.Single(work.Finished);
        Assert.Single(work.Runs);
        var records = await new NodeRunStore(Database.Sqlite(folder.File("notices.db"))).ListAsync();
        Assert.Equal(NodeRunStore.Done, Assert.Single(records).State);
    }

    [Fact]
    public async Task Shutdown_WaitsForEveryDistrictsRunningNode()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 4, 1, 9, 0, 0, China));
        var work = new RecordingWork { Delay = TimeSpan.FromSeconds(2) };
        using var host = ServiceHost.Build(folder, time, work, options: new ScheduleOptions { Workers = 2 });
        await host.StartAsync();
        await ServiceHost.WaitUntil(() => work.Runs.Count >= 2, "both districts' 03-31 nodes started");

        await host.StopAsync(TimeSpan.FromSeconds(30));

        // Both ran side by side; the stop let both finish, and both are recorded done.
        Assert.Equal(2, work.MaxRunning);
        Assert.Equal(["d1", "shili"], work.Finished.Select(r => r.District).Order());
        var records = await new NodeRunStore(Database.Sqlite(folder.File("notices.db"))).ListAsync();
        Assert.All(records, r => Assert.Equal(NodeRunStore.Done, r.State));
        Assert.Equal(2, records.Count);
    }

    [Fact]
    public async Task RunCutShortByACrash_RunsAgainAtTheNextStart()
    {
        // A power cut during 03-31 for shili left its row running, and d1's not begun.
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 4, 1, 9, 0, 0, China));
        var runs = new NodeRunStore(Database.Sqlite(folder.File("notices.db")));
        await runs.EnsureAsync();
        await runs.TryBeginAsync(new DateOnly(2021, 3, 31), "shili", false, time.GetUtcNow().AddHours(-14),
            TimeSpan.FromHours(2), "crashed");
        time.Advance(TimeSpan.FromMinutes(5));
        var work = new RecordingWork();
        using var host = ServiceHost.Build(folder, time, work);

        await host.StartAsync();
        await ServiceHost.WaitUntil(() => work.Finished.Count >= 2, "both 03-31 nodes");
        await Task.Delay(300);
        await host.StopAsync();

        Assert.Equal(["d1", "shili"], work.Runs.Select(r => r.District).Order());
        var shili = (await runs.ListAsync()).Single(r => r.District == "shili");
        Assert.Equal((NodeRunStore.Done, 2), (shili.State, shili.Attempts));
    }
}
