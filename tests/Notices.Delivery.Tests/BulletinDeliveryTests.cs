using Microsoft.Extensions.Time.Testing;
using Notices.Delivery.Sending;
using Notices.Delivery.Tests.Support;
using SmtpServer.Protocol;

namespace Notices.Delivery.Tests;

/// <summary>The entry point the command and the scheduled job share, over each store.</summary>
public sealed class BulletinDeliveryTests : StoreTest
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2021, 6, 25, 9, 0, 0, TimeSpan.Zero));

    private async Task<BulletinDelivery> DeliveryAsync(string provider, SmtpSettings smtp)
    {
        var store = await CreateStoreAsync(provider);
        var templates = Path.GetDirectoryName(Samples.RepositoryTemplate)!;
        var output = store.Folder.File("output");
        Samples.Render(output);
        return new BulletinDelivery(store.Database, smtp, templates, output, time);
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task Deliver_Twice_SendsEachMessageOnce_AndTheSecondRunOnlyReports(string provider)
    {
        await using var server = await LoopbackSmtpServer.StartAsync();
        var smtp = new SmtpSettings { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None };
        var delivery = await DeliveryAsync(provider, smtp);
        var scheme = Samples.Scheme();

        var first = await delivery.DeliverAsync(scheme, "half-year", scheme.Districts[0]);
        var second = await delivery.DeliverAsync(scheme, "half-year", scheme.Districts[0]);

        Assert.Equal(5, first.Count);
        Assert.All(first, m => Assert.True(m.QueuedNow));
        Assert.All(first, m => Assert.Equal(SendResult.Sent, m.Outcome?.Result));
        Assert.All(first, m => Assert.Equal(OutboxState.Sent, m.Message.State));
        Assert.All(second, m => Assert.False(m.QueuedNow));
        Assert.All(second, m => Assert.Null(m.Outcome));
        Assert.All(second, m => Assert.Equal(OutboxState.Sent, m.Message.State));
        Assert.Equal(5, server.RawAccepted);
        Assert.Equal(5, server.DistinctAccepted);
    }

    [Theory]
    [StoreData(TestStore.Sqlite)]
    [StoreData(TestStore.Postgres)]
    public async Task SendDue_PicksUpWhatA4xxDeferred_OnceItsTimeHasCome(string provider)
    {
        await using var server = await LoopbackSmtpServer.StartAsync();
        server.Answer = n => n < 5 ? new SmtpResponse((SmtpReplyCode)421, "4.7.0 busy, come back later") : null;
        var smtp = new SmtpSettings { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None };
        var delivery = await DeliveryAsync(provider, smtp);
        var scheme = Samples.Scheme();

        var first = await delivery.DeliverAsync(scheme, "half-year", scheme.Districts[0]);
        Assert.All(first, m => Assert.Equal(SendResult.Deferred, m.Outcome?.Result));
        Assert.Empty(await delivery.SendDueAsync());

        time.Advance(TimeSpan.FromMinutes(1));
        var later = await delivery.SendDueAsync();

        Assert.Equal(5, later.Count);
        Assert.All(later, o => Assert.Equal(SendResult.Sent, o.Result));
        Assert.Equal(5, server.DistinctAccepted);
        Assert.Equal(5, server.RawAccepted);
    }
}
