using Notices.Core.Storage;

namespace Notices.Scheduling.Tests;

/// <summary>The node_runs table on SQLite and on PostgreSQL: the same claims win on both.</summary>
public sealed class NodeRunStoreTests : StoreTest
{
    private static readonly DateOnly Node = new(2021, 6, 25);
    private static readonly DateTimeOffset Now = new(2021, 6, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromHours(2);

    private NodeRunStore runs = null!;

    private async Task UseAsync(string provider)
    {
        runs = new NodeRunStore((await CreateStoreAsync(provider)).Database);
        await runs.EnsureAsync();
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Claim_IsTakenOnce_AndADoneNodeIsRedoneOnlyWhenForced(string provider)
    {
        await UseAsync(provider);

        Assert.True(await runs.TryBeginAsync(Node, "shili", false, Now, Lease, "one"));
        Assert.False(await runs.TryBeginAsync(Node, "shili", false, Now, Lease, "two"));
        await runs.CompleteAsync(Node, "shili", Now.AddSeconds(3), "2 files, 4 messages");
        Assert.False(await runs.TryBeginAsync(Node, "shili", false, Now, Lease, "two"));
        Assert.True(await runs.TryBeginAsync(Node, "shili", true, Now.AddDays(1), Lease, "two"));

        var record = Assert.Single(await runs.ListAsync());
        Assert.Equal((NodeRunStore.Running, 2, "two", Now.AddDays(1)),
            (record.State, record.Attempts, record.Owner, record.Started));
        Assert.Null(record.Finished);
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task ManyClaimantsOfOneNewNode_AtOnce_OneWins(string provider)
    {
        await UseAsync(provider);

        var claims = await Store.AtOnceAsync(8,
            database => new NodeRunStore(database).TryBeginAsync(Node, "shili", false, Now, Lease, "any"));

        Assert.Single(claims, won => won);
        Assert.Equal(1, Assert.Single(await runs.ListAsync()).Attempts);
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task FailedAndInterruptedRuns_AreClaimedAgain_AndOnlyDoneOnesCountAsDone(string provider)
    {
        await UseAsync(provider);
        var later = new DateOnly(2021, 9, 25);
        await runs.TryBeginAsync(Node, "shili", false, Now, Lease, "one");
        await runs.TryBeginAsync(Node, "d1", false, Now, Lease, "one");
        await runs.TryBeginAsync(later, "shili", false, Now, Lease, "one");
        await runs.FailAsync(Node, "shili", Now.AddSeconds(1), "disk full");
        await runs.CompleteAsync(later, "shili", Now.AddSeconds(2), "done");

        Assert.Equal(1, await runs.InterruptRunningAsync());
        Assert.Equal([(later, "shili")], await runs.DoneAsync());
        Assert.Equal(
            [(Node, "d1", NodeRunStore.Interrupted), (Node, "shili", NodeRunStore.Failed),
                (later, "shili", NodeRunStore.Done)],
            (await runs.ListAsync()).Select(r => (r.Node, r.District, r.State)));
        Assert.Equal("disk full", (await runs.ListAsync())[1].Outcome);

        Assert.True(await runs.TryBeginAsync(Node, "shili", false, Now.AddHours(1), Lease, "two"));
        Assert.True(await runs.TryBeginAsync(Node, "d1", false, Now.AddHours(1), Lease, "two"));
        Assert.False(await runs.TryBeginAsync(later, "shili", false, Now.AddHours(1), Lease, "two"));
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task RunningNode_IsTakenOverOnlyAfterItsLease(string provider)
    {
        await UseAsync(provider);
        await runs.TryBeginAsync(Node, "shili", false, Now, Lease, "dead");

        Assert.False(await runs.TryBeginAsync(Node, "shili", false, Now + Lease, Lease, "two"));
        Assert.True(await runs.TryBeginAsync(Node, "shili", false, Now + Lease + TimeSpan.FromTicks(1),
            Lease, "two"));
    }
}
