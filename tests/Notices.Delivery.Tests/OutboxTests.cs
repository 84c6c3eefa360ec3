using Microsoft.Extensions.Time.Testing;
using Notices.Delivery.Sending;
using Notices.Delivery.Tests.Support;

namespace Notices.Delivery.Tests;

/// <summary>The outbox on SQLite, and on PostgreSQL when NOTICES_TEST_POSTGRES names a server.</summary>
public sealed class OutboxTests : StoreTest
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2021, 6, 25, 9, 0, 0, TimeSpan.Zero));
    private Outbox outbox = null!;

    private async Task UseAsync(string provider) =>
        outbox = new Outbox((await CreateStoreAsync(provider)).Database, time);

    private static NewMessage Message(string recipient = "chengguan@shili.example") => new(
        new BulletinKey(2021, "half-year", "shili"),
        recipient,
        "城关街道办事处",
        "通报",
        "正文",
        [new MailAttachment("/x/bulletin.pdf", "通报.pdf")]);

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Enqueue_SameBulletinAndRecipientTwice_QueuesOnceAndKeepsTheMessageId(string provider)
    {
        await UseAsync(provider);
        var (first, queuedFirst) = await outbox.EnqueueAsync(Message(), "bureau.example");
        var (second, queuedSecond) = await outbox.EnqueueAsync(Message(), "bureau.example");

        Assert.True(queuedFirst);
        Assert.False(queuedSecond);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Single(await outbox.ListAsync());
        Assert.Matches("^<[0-9a-f]{32}@bureau\\.example>$", first.MessageId);
        Assert.Equal(OutboxState.Queued, first.State);
        Assert.Equal("通报.pdf", first.Attachments[0].Name);
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Enqueue_SameBulletinToAnotherRecipient_QueuesASecondMessage(string provider)
    {
        await UseAsync(provider);
        await outbox.EnqueueAsync(Message("a@shili.example"), "d");
        await outbox.EnqueueAsync(Message("b@shili.example"), "d");

        var rows = await outbox.ListAsync();
        Assert.Equal(2, rows.Count);
        Assert.NotEqual(rows[0].MessageId, rows[1].MessageId);
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task EnqueueAll_QueuesABulletinsRecipientsTogether_OrNoneOfThem(string provider)
    {
        await UseAsync(provider);
        await outbox.EnqueueAsync(Message("b@shili.example"), "d");

        var rows = await outbox.EnqueueAllAsync(
            [Message("a@shili.example"), Message("b@shili.example"), Message("c@shili.example")], "d");
        Assert.Equal([true, false, true], rows.Select(r => r.Queued));
        Assert.Equal(["a@shili.example", "b@shili.example", "c@shili.example"], rows.Select(r => r.Message.Recipient));

        // A message the table refuses (no subject) takes the whole batch back with it.
        var broken = Message("e@shili.example") with { Subject = null! };
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(
            () => outbox.EnqueueAllAsync([Message("d@shili.example"), broken], "d"));
        Assert.Equal(3, (await outbox.ListAsync()).Count);
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Claim_ARowAlreadyClaimed_IsRefusedToTheSecondSender(string provider)
    {
        await UseAsync(provider);
        var (row, _) = await outbox.EnqueueAsync(Message(), "d");

        Assert.True(await outbox.ClaimAsync(row.Key, TimeSpan.FromMinutes(10)));
        Assert.False(await outbox.ClaimAsync(row.Key, TimeSpan.FromMinutes(10)));

        var claimed = await outbox.FindAsync(row.Key);
        Assert.Equal(OutboxState.Sending, claimed!.State);
        Assert.Equal(1, claimed.Attempts);
        Assert.Empty(await outbox.DueAsync());
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task ClaimedRow_WhoseSenderDied_IsDueAgainAfterTheClaimTimeout_WithTheSameMessageId(string provider)
    {
        await UseAsync(provider);
        var (row, _) = await outbox.EnqueueAsync(Message(), "d");
        await outbox.ClaimAsync(row.Key, TimeSpan.FromMinutes(10));

        time.Advance(TimeSpan.FromMinutes(9));
        Assert.Empty(await outbox.DueAsync());

        time.Advance(TimeSpan.FromMinutes(2));
        var due = Assert.Single(await outbox.DueAsync());
        Assert.Equal(row.MessageId, due.MessageId);
        Assert.True(await outbox.ClaimAsync(row.Key, TimeSpan.FromMinutes(10)));
        Assert.Equal(2, (await outbox.FindAsync(row.Key))!.Attempts);
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Deferred_IsNotDueBeforeItsNextAttemptTime(string provider)
    {
        await UseAsync(provider);
        var (row, _) = await outbox.EnqueueAsync(Message(), "d");
        await outbox.ClaimAsync(row.Key, TimeSpan.FromMinutes(10));
        await outbox.DeferAsync(row.Key, "451 try later", time.GetUtcNow().AddMinutes(1));

        Assert.Empty(await outbox.DueAsync());
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(await outbox.DueAsync());
        Assert.Equal("451 try later", (await outbox.FindAsync(row.Key))!.LastReply);
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Retry_AFailedMessage_QueuesItAgainDueNow(string provider)
    {
        await UseAsync(provider);
        var (row, _) = await outbox.EnqueueAsync(Message(), "d");
        await outbox.ClaimAsync(row.Key, TimeSpan.FromMinutes(10));
        await outbox.MarkFailedAsync(row.Key, "550 no such mailbox");

        Assert.True(await outbox.RetryAsync(row.Key));

        var retried = await outbox.FindAsync(row.Key);
        Assert.Equal(OutboxState.Queued, retried!.State);
        Assert.Equal(0, retried.Attempts);
        Assert.Equal(row.MessageId, retried.MessageId);
        Assert.Single(await outbox.DueAsync());
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Retry_AMessageThatIsNotFailed_IsRefused(string provider)
    {
        await UseAsync(provider);
        var (row, _) = await outbox.EnqueueAsync(Message(), "d");
        await outbox.ClaimAsync(row.Key, TimeSpan.FromMinutes(10));
        await outbox.MarkSentAsync(row.Key, "250 ok");

        Assert.False(await outbox.RetryAsync(row.Key));
        Assert.False(await outbox.RetryAsync(999));
        Assert.Equal(OutboxState.Sent, (await outbox.FindAsync(row.Key))!.State);
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Enqueue_OneMessageByManyProcessesAtOnce_QueuesItOnce(string provider)
    {
        await UseAsync(provider);

        var results = await Store.AtOnceAsync(6,
            database => new Outbox(database, time).EnqueueAsync(Message(), "d"));

        Assert.Single(results, r => r.Queued);
        Assert.Single(results.Select(r => r.Message.MessageId).Distinct());
        Assert.Single(await outbox.ListAsync());
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Claim_ByManySendersAtOnce_IsWonByOne(string provider)
    {
        await UseAsync(provider);
        var (row, _) = await outbox.EnqueueAsync(Message(), "d");

        var claims = await Store.AtOnceAsync(6,
            database => new Outbox(database, time).ClaimAsync(row.Key, TimeSpan.FromMinutes(10)));

        Assert.Single(claims, won => won);
        Assert.Equal(1, (await outbox.FindAsync(row.Key))!.Attempts);
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Release_GivesAClaimBackDueNow_WithoutCountingTheAttempt(string provider)
    {
        await UseAsync(provider);
        var (row, _) = await outbox.EnqueueAsync(Message(), "d");
        await outbox.ClaimAsync(row.Key, TimeSpan.FromMinutes(10));
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.True(await outbox.ReleaseAsync(row.Key));
        Assert.False(await outbox.ReleaseAsync(row.Key));

        var released = Assert.Single(await outbox.DueAsync());
        Assert.Equal((OutboxState.Queued, 0, time.GetUtcNow()),
            (released.State, released.Attempts, released.NextAttemptAt));
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task ListAndDue_OfOneBulletin_LeaveOtherBulletinsOut(string provider)
    {
        await UseAsync(provider);
        var q3 = new BulletinKey(2021, "q3", "shili");
        await outbox.EnqueueAsync(Message(), "d");
        await outbox.EnqueueAsync(Message() with { Bulletin = q3 }, "d");

        Assert.Equal([q3], (await outbox.ListAsync(q3)).Select(m => m.Bulletin));
        Assert.Equal([q3], (await outbox.DueAsync(q3)).Select(m => m.Bulletin));
        Assert.Equal(2, (await outbox.DueAsync()).Count);
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Sent_KeepsTheReplyAndWhen_ReadBackExactly(string provider)
    {
        await UseAsync(provider);
        time.Advance(TimeSpan.FromTicks(1234567));
        var (row, _) = await outbox.EnqueueAsync(Message(), "d");
        await outbox.ClaimAsync(row.Key, TimeSpan.FromMinutes(10));

        Assert.True(await outbox.MarkSentAsync(row.Key, "250 2.0.0 queued as 通报"));

        var sent = await outbox.FindAsync(row.Key);
        Assert.Equal((OutboxState.Sent, "250 2.0.0 queued as 通报", time.GetUtcNow(), time.GetUtcNow()),
            (sent!.State, sent.LastReply, sent.SentAt, sent.CreatedAt));
        Assert.Empty(await outbox.DueAsync());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(40, 60)]
    public void Backoff_DoublesFromOneMinute_AndStopsAtAnHour(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), MailSender.Backoff(attempts));
}
