using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Notices.Core.Scoring;

namespace Notices.Scheduling.Tests;

/// <summary>The score_snapshots table on SQLite and on PostgreSQL, without the service.</summary>
public sealed class ScoreSnapshotStoreTests : StoreTest
{
    private static readonly DateOnly Node = new(2021, 6, 25);

    private readonly FakeTimeProvider time =
        new(new DateTimeOffset(2021, 6, 25, 9, 0, 0, TimeSpan.FromHours(8)));

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task ForcedRerun_AddsASnapshot_AndNeverReplacesOne(string provider)
    {
        var store = await CreateStoreAsync(provider);
        var scheme = TestScheme.Create();
        var work = new ScoreSnapshotWork(scheme, store.Database, time);

        var all = await work.SnapshotAsync(new NodeRun(Node, "shili", null, false), default);
        time.Advance(TimeSpan.FromDays(1));
        await new ScoreSnapshotWork(scheme, store.Reopen(), time)
            .SnapshotAsync(new NodeRun(Node, "shili", null, true), default);

        Assert.Equal((2, 0), (await work.CountAsync(Node, "shili"), await work.CountAsync(Node, "d1")));
        var expected = ScorecardJson.ToJson(all with { Units = all.For(scheme.Districts[0]) }, indented: false);
        Assert.Equal(
        [
            ("2021-06-25", "shili", "2021-06-25T01:00:00.0000000Z", Available(all), expected),
            ("2021-06-25", "shili", "2021-06-26T01:00:00.0000000Z", Available(all), expected),
        ], await SnapshotsAsync());
        Assert.DoesNotContain("d1-a", expected, StringComparison.Ordinal);
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task ProcessesSnapshottingAtOnce_EachStoreTheirs_OnAStoreNotYetCreated(string provider)
    {
        // A cluster's processes start on an empty store and may make its tables together.
        var store = await CreateStoreAsync(provider);
        var scheme = TestScheme.Create();

        await store.AtOnceAsync(4, database => new ScoreSnapshotWork(scheme, database, time)
            .SnapshotAsync(new NodeRun(Node, "d1", null, false), default));

        Assert.Equal(4, await new ScoreSnapshotWork(scheme, store.Database, time).CountAsync(Node, "d1"));
    }

    private static string Available(Scorecard card) => card.Available.ToString(CultureInfo.InvariantCulture);

    private async Task<List<(string, string, string, string, string)>> SnapshotsAsync()
    {
        await using var connection = await Store.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT node, district, taken, available, scorecard FROM score_snapshots ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, string, string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4)));
        }
        return rows;
    }
}
