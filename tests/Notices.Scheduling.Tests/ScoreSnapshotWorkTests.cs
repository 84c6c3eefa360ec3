using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Notices.Core.Schemes;
using Notices.Core.Storage;

namespace Notices.Scheduling.Tests;

/// <summary>
/// The default node work over the 2021 scheme and its sample evidence, on the service, with the
/// store on SQLite and on PostgreSQL (Quartz keeps its own SQLite job store).
/// </summary>
[Collection("service")]
public sealed class ScoreSnapshotWorkTests : StoreTest
{
    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task SimulatedYear_Of2021_StoresOneSnapshotPerNode_WithTheScoreAvailableThen(string provider)
    {
        var test = await CreateStoreAsync(provider);
        var root = Repository.Root;
        var scheme = SchemeLoader.Load(Path.Combine(root, "seeds", "scheme-2021.yaml"));
        var store = test.Database;
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)));
        await new EvidenceStore(store, time).ImportAsync(
            [Path.Combine(root, "seeds", "evidence-2021.csv")], scheme, "test");
        var work = new ScoreSnapshotWork(scheme, store, time);
        var options = new ScheduleOptions
        {
            JobStorePath = test.Folder.File("quartz.db"),
            SchedulerName = "snapshots-" + Guid.NewGuid().ToString("N"),
        };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddNodeSchedule(scheme, options, store, _ => work, time);
        using var host = builder.Build();
        await host.StartAsync();

        var schedule = host.Services.GetRequiredService<NodeSchedule>();
        var runs = new NodeRunStore(store);
        var expected = 0;
        foreach (var fireAt in schedule.Nodes.Select(n => n.FireAt).Distinct())
        {
            time.SetUtcNow(fireAt.AddMinutes(1));
            expected += scheme.Districts.Count;
            await ServiceHost.WaitUntil(
                () => runs.ListAsync().Result.Count(r => r.State == NodeRunStore.Done) >= expected,
                $"the nodes of {fireAt}");
        }
        await host.StopAsync();

        foreach (var node in schedule.Nodes)
            Assert.Equal(1, await work.CountAsync(node.Node, node.District));
        Assert.Equal(schedule.Nodes.Count, expected);

        // The spec's available points: 62 at the half-year node, 66 at q3, 100 at the annual.
        await using var connection = await store.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT node, available FROM score_snapshots WHERE node IN "
            + "('2021-06-25', '2021-09-25', '2021-12-25') ORDER BY node";
        var available = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            available.Add($"{reader.GetString(0)}={reader.GetString(1)}");
        Assert.Equal(["2021-06-25=62", "2021-09-25=66", "2021-12-25=100"], available);
    }
}
