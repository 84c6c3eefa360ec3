using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Notices.Core.Storage;

namespace Notices.Scheduling.Tests;

/// <summary>
/// Several <c>notices run</c> hosts as one Quartz cluster over a real PostgreSQL: the job
/// store, the node_runs table and the store are all shared.
/// </summary>
[Collection("service")]
public sealed class ClusterTests : IDisposable
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [PostgresFact]
    public async Task TwoHostsInACluster_OneStoppedMidYear_RunEachNodeOnce()
    {
        await using var pg = await PostgresDatabase.CreateAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 1, 1, 0, 0, 0, China));
        var work = new RecordingWork { Delay = TimeSpan.FromMilliseconds(50) };
        var hosts = new Dictionary<string, IHost>();
        foreach (var id in new[] { "one", "two" })
        {
            var options = new ScheduleOptions
            {
                JobStoreProvider = StoreProvider.Postgres,
                JobStoreConnectionString = pg.ConnectionString,
                Clustered = true,
                InstanceId = id,
            };
            hosts[id] = ServiceHost.Build(folder, time, work, "cluster", options, pg.Store);
        }

        var runs = new NodeRunStore(pg.Store);
        var running = hosts.Keys.ToHashSet();
        try
        {
            foreach (var host in hosts.Values)
                await host.StartAsync();

            var fireTimes = NodeSchedule.Build(TestScheme.Create(), new ScheduleOptions()).Nodes
                .Select(n => n.FireAt).Distinct().ToList();
            var expected = 0;
            foreach (var fireAt in fireTimes)
            {
                time.SetUtcNow(fireAt.AddSeconds(1));
                expected += 2;
                await ServiceHost.WaitUntil(() => work.Finished.Count >= expected, $"{expected} runs by {fireAt}", 60);

                // Half way through the year, the process doing the work goes away; the other
                // takes the rest from the shared job store.
                if (expected == 8)
                {
                    var busy = (await runs.ListAsync()).OrderBy(r => r.Finished).Last().Owner;
                    await hosts[busy].StopAsync();
                    running.Remove(busy);
                }
            }
            await Task.Delay(1000);
        }
        finally
        {
            foreach (var id in running)
                await hosts[id].StopAsync();
            foreach (var host in hosts.Values)
                host.Dispose();
        }

        Assert.Equal(16, work.Runs.Count);
        Assert.Equal(16, work.Runs.Distinct().Count());
        var records = await runs.ListAsync();
        Assert.All(records, r => Assert.Equal((NodeRunStore.Done, 1), (r.State, r.Attempts)));
        Assert.Equal(["one", "two"], records.Select(r => r.Owner).Distinct().Order());
    }
}
