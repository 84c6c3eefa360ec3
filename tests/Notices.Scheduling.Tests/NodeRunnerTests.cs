using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Notices.Core.Storage;

namespace Notices.Scheduling.Tests;

/// <summary>
/// The runner's logic over a real store, SQLite and PostgreSQL, driven by a fake clock without
/// Quartz.
/// </summary>
public sealed class NodeRunnerTests : StoreTest
{
    private static readonly DateTimeOffset NewYear = new(2021, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task SimulatedYear_RunsEachNodeOncePerDistrict_BulletinsInOrder(string provider)
    {
        await CreateStoreAsync(provider);
        var time = new FakeTimeProvider(NewYear);
        var work = new RecordingWork();
        var runner = await RunnerAsync(work, time);

        // Every half day through the year, as the node trigger would wake it.
        for (var step = 0; step < 2 * 366; step++)
        {
            await runner.RunDueAsync(null, default);
            time.Advance(TimeSpan.FromHours(12));
        }

        foreach (var district in new[] { "shili", "d1" })
        {
            Assert.Equal(TestScheme.NodeDates, work.For(district).Select(r => r.Node));
            Assert.Equal(["half-year", "q3", "annual"],
                work.For(district).Where(r => r.Bulletin is not null).Select(r => r.Bulletin!.Kind));
        }
        Assert.Equal(16, work.Runs.Count);
        var records = await new NodeRunStore(Store.Reopen()).ListAsync();
        Assert.All(records, r => Assert.Equal((NodeRunStore.Done, 1), (r.State, r.Attempts)));
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task ServiceDownAcrossNodes_CatchesUpOnceAndLate_InDateOrder(string provider)
    {
        await CreateStoreAsync(provider);
        // Down from before 06-25 until 07-02 09:00: 06-25 and 06-30 were missed.
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 6, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        var work = new RecordingWork();
        var runner = await RunnerAsync(work, time);
        await runner.RunDueAsync(null, default);
        Assert.Equal(4, work.Runs.Count);

        time.SetUtcNow(new DateTimeOffset(2021, 7, 2, 9, 0, 0, TimeSpan.FromHours(8)));
        var ran = await runner.RunDueAsync(null, default);
        await runner.RunDueAsync(null, default);

        // In date order within each district; one district's, then the next's.
        Assert.Equal(["2021-06-25/shili", "2021-06-30/shili", "2021-06-25/d1", "2021-06-30/d1"],
            ran.Select(n => n.ToString()));
        Assert.Equal(8, work.Runs.Count);
        var late = (await new NodeRunStore(Store.Reopen()).ListAsync()).Single(r => r.Node == new DateOnly(2021, 6, 25)
            && r.District == "shili");
        Assert.True(late.Started > ran[0].FireAt.AddDays(6), $"started {late.Started}");
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task DoneNode_IsNotRedone_UnlessForced(string provider)
    {
        await CreateStoreAsync(provider);
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 4, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        var work = new RecordingWork();
        var runner = await RunnerAsync(work, time);
        await runner.RunDueAsync(null, default);
        var node = runner.Schedule.Find(new DateOnly(2021, 3, 31), "shili")!;

        Assert.False(await runner.RunAsync(node, force: false, default));
        Assert.True(await runner.RunAsync(node, force: true, default));

        Assert.Equal(2, work.For("shili").Count());
        Assert.True(work.For("shili").Last().Force);
        var record = (await new NodeRunStore(Store.Reopen()).ListAsync()).Single(r => r.District == "shili");
        Assert.Equal((NodeRunStore.Done, 2), (record.State, record.Attempts));
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task FailedNode_IsRecordedFailed_AndRunsAgainAtTheNextCatchUp(string provider)
    {
        await CreateStoreAsync(provider);
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 4, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        var work = new RecordingWork();
        work.FailOnce[new DateOnly(2021, 3, 31)] = true;
        var runner = await RunnerAsync(work, time);

        await runner.RunDueAsync("shili", default);
        var failed = (await new NodeRunStore(Store.Reopen()).ListAsync()).Single();
        Assert.Equal(NodeRunStore.Failed, failed.State);
        Assert.Contains("failed on purpose", failed.Outcome);

        await runner.RunDueAsync("shili", default);
        var done = (await new NodeRunStore(Store.Reopen()).ListAsync()).Single();
        Assert.Equal((NodeRunStore.Done, 2), (done.State, done.Attempts));
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task TwoRunnersOnOneStore_RunEachNodeOnce(string provider)
    {
        await CreateStoreAsync(provider);
        // Two processes of a cluster, each with its own runner, share the node_runs table.
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 7, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        var work = new RecordingWork { Delay = TimeSpan.FromMilliseconds(20) };
        var first = await RunnerAsync(work, time, "one");
        var second = await RunnerAsync(work, time, "two");

        await Task.WhenAll(
            Task.Run(() => first.RunDueAsync(null, default)),
            Task.Run(() => second.RunDueAsync(null, default)));

        Assert.Equal(8, work.Runs.Count);
        Assert.Equal(8, work.Runs.Distinct().Count());
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task RunLeftRunningByADeadProcess_IsTakenOverAfterTheLease(string provider)
    {
        await CreateStoreAsync(provider);
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 4, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        var runs = new NodeRunStore(Store.Reopen());
        await runs.EnsureAsync();
        var node = new DateOnly(2021, 3, 31);
        Assert.True(await runs.TryBeginAsync(node, "shili", false, time.GetUtcNow(), TimeSpan.FromHours(2), "dead"));

        var work = new RecordingWork();
        var runner = await RunnerAsync(work, time);
        await runner.RunDueAsync("shili", default);
        Assert.Empty(work.Runs);

        time.Advance(TimeSpan.FromHours(3));
        await runner.RunDueAsync("shili", default);
        Assert.Single(work.Runs);
    }

    private async Task<NodeRunner> RunnerAsync(RecordingWork work, TimeProvider time, string owner = "test")
    {
        var runs = new NodeRunStore(Store.Reopen());
        await runs.EnsureAsync();
        var options = new ScheduleOptions { InstanceId = owner };
        return new NodeRunner(NodeSchedule.Build(TestScheme.Create(), options), runs, work, time, options,
            NullLogger<NodeRunner>.Instance);
    }
}
