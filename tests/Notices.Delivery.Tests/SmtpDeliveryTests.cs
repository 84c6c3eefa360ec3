using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Notices.Core.Storage;
using Notices.Delivery.Bulletins;
using Notices.Delivery.Sending;
using Notices.Delivery.Tests.Support;
using SmtpServer.Protocol;

namespace Notices.Delivery.Tests;

/// <summary>Sending to a real SMTP server on loopback; the server's own store is the evidence.</summary>
public sealed class SmtpDeliveryTests : IDisposable
{
    private const string Password = "s3cret-Pa55-不外传";

    private readonly TempFolder folder = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2021, 6, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly Outbox outbox;

    public SmtpDeliveryTests()
    {
        outbox = new Outbox(Database.Sqlite(folder.File("notices.db")), time);
    }

    public void Dispose() => folder.Dispose();

    private async Task<IReadOnlyList<OutboxMessage>> QueueBulletinAsync()
    {
        Samples.Render(folder.File("output"));
        var mailer = new BulletinMailer(
            outbox, MailTemplate.Load(Samples.RepositoryTemplate), folder.File("output"), "bureau.example");
        var scheme = Samples.Scheme();
        var queued = await mailer.QueueAsync(scheme, "half-year", scheme.Districts[0]);
        return queued.Select(q => q.Message).ToList();
    }

    private MailSender Sender(LoopbackSmtpServer server, Action<SmtpSettings>? configure = null)
    {
        var settings = new SmtpSettings
        {
            Host = "127.0.0.1",
            Port = server.Port,
            Security = SmtpSecurity.None,
            From = "bulletins@shili.example",
            FromName = "示例区人民政府办公室",
        };
        configure?.Invoke(settings);
        return new MailSender(outbox, settings, time, _ => null);
    }

    [Fact]
    public async Task Send_ToAPlainServer_DeliversEachMessageOnce_AndStoresTheReply()
    {
        await using var server = await LoopbackSmtpServer.StartAsync();
        var queued = await QueueBulletinAsync();

        var outcomes = await Sender(server).SendDueAsync();

        Assert.Equal(5, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(SendResult.Sent, o.Result));
        Assert.All(queued, m => Assert.Equal(1, server.AcceptedCount(m.MessageId)));
        Assert.Equal(5, server.RawAccepted);
        var rows = await outbox.ListAsync();
        Assert.All(rows, r => Assert.Equal(OutboxState.Sent, r.State));
        Assert.All(rows, r => Assert.StartsWith("250", r.LastReply, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Equal(time.GetUtcNow(), r.SentAt));
    }

    [Fact]
    public async Task Send_Again_SendsNothingAlreadySent()
    {
        await using var server = await LoopbackSmtpServer.StartAsync();
        await QueueBulletinAsync();
        await Sender(server).SendDueAsync();

        await QueueBulletinAsync();
        var again = await Sender(server).SendDueAsync();

        Assert.Empty(again);
        Assert.Equal(5, server.RawAccepted);
    }

    [Fact]
    public async Task Send_CarriesTheChineseAttachmentNamesAndTheQueuedMessageId()
    {
        await using var server = await LoopbackSmtpServer.StartAsync();
        var queued = await QueueBulletinAsync();

        await Sender(server).SendDueAsync();

        var received = server.Received.Single(r => r.MessageId == queued[1].MessageId.Trim('<', '>')).Message;
        Assert.Equal(
            [Samples.Title + ".pdf", Samples.Title + ".docx"],
            received.Attachments.Select(a => a.ContentDisposition?.FileName));
        Assert.Equal("城关街道办事处", received.To.Mailboxes.Single().Name);
        Assert.Equal("示例区人民政府办公室", received.From.Mailboxes.Single().Name);
        Assert.Equal(queued[1].Subject, received.Subject);
        var pdf = (MimePart)received.Attachments.First();
        using var content = new MemoryStream();
        await pdf.Content!.DecodeToAsync(content);
        Assert.Equal(await File.ReadAllBytesAsync(queued[1].Attachments[0].Path), content.ToArray());
    }

    [Fact]
    public async Task Send_OverStartTls_WithAuth_ToAPinnedSelfSignedCertificate()
    {
        using var certificate = Certificates.SelfSigned();
        await using var server = await LoopbackSmtpServer.StartAsync(certificate, "bulletins", Password);
        var queued = await QueueBulletinAsync();
        var secret = folder.File("smtp-password");
        await File.WriteAllTextAsync(secret, Password + "\n");

        var outcomes = await Sender(server, s =>
        {
            s.Security = SmtpSecurity.StartTls;
            s.User = "bulletins";
            s.PasswordFile = secret;
            s.CertificateThumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        }).SendDueAsync();

        Assert.All(outcomes, o => Assert.Equal(SendResult.Sent, o.Result));
        Assert.All(queued, m => Assert.Equal(1, server.AcceptedCount(m.MessageId)));
        Assert.All(server.Received, r => Assert.Equal("bulletins", r.User));
        await AssertPasswordNowhereInTheOutboxAsync(outcomes);
    }

    [Fact]
    public async Task Send_OverStartTls_ToAnUnpinnedSelfSignedCertificate_IsDeferred_NotSent()
    {
        using var certificate = Certificates.SelfSigned();
        await using var server = await LoopbackSmtpServer.StartAsync(certificate);
        await QueueBulletinAsync();

        var outcomes = await Sender(server, s => s.Security = SmtpSecurity.StartTls).SendDueAsync();

        Assert.All(outcomes, o => Assert.Equal(SendResult.Deferred, o.Result));
        Assert.All(outcomes, o => Assert.Contains("SslHandshake", o.Reply, StringComparison.Ordinal));
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Send_WithAWrongPassword_IsDeferred_AndThePasswordIsNotStored()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(user: "bulletins", password: "the-right-one");
        await QueueBulletinAsync();

        var sender = new MailSender(
            outbox,
            new SmtpSettings
            {
                Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None, User = "bulletins",
            },
            time,
            name => name == SmtpSettings.PasswordVariable ? Password : null);
        var outcomes = await sender.SendDueAsync();

        Assert.All(outcomes, o => Assert.Equal(SendResult.Deferred, o.Result));
        Assert.Empty(server.Received);
        await AssertPasswordNowhereInTheOutboxAsync(outcomes);
    }

    [Fact]
    public async Task Send_WhenTheServerAnswers451Once_RetriesAfterABackoff_WithTheSameMessageId_CountedOnce()
    {
        await using var server = await LoopbackSmtpServer.StartAsync();
        server.Answer = n => n == 0 ? new SmtpResponse((SmtpReplyCode)451, "4.3.0 try again later") : null;
        var queued = await QueueBulletinAsync();
        var sender = Sender(server);

        var first = await sender.SendDueAsync();
        var deferred = Assert.Single(first, o => o.Result == SendResult.Deferred);
        Assert.StartsWith("451", deferred.Reply, StringComparison.Ordinal);
        Assert.Equal(time.GetUtcNow().AddMinutes(1), deferred.NextAttemptAt);
        Assert.Empty(await sender.SendDueAsync());

        time.Advance(TimeSpan.FromMinutes(1));
        var second = await sender.SendDueAsync();

        var resent = Assert.Single(second);
        Assert.Equal(SendResult.Sent, resent.Result);
        Assert.Equal(deferred.MessageId, resent.MessageId);
        Assert.Equal(2, resent.Attempts);
        Assert.Equal(2, server.Received.Count(r => r.MessageId == deferred.MessageId.Trim('<', '>')));
        Assert.All(queued, m => Assert.Equal(1, server.AcceptedCount(m.MessageId)));
    }

    [Fact]
    public async Task Send_WhenTheServerAnswers550_MarksFailed_ReportsTheReply_AndDoesNotRetry()
    {
        await using var server = await LoopbackSmtpServer.StartAsync();
        server.Answer = n =>
            n == 2 ? new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.1.1 no such mailbox") : null;
        await QueueBulletinAsync();
        var sender = Sender(server);

        var outcomes = await sender.SendDueAsync();

        var failed = Assert.Single(outcomes, o => o.Result == SendResult.Failed);
        Assert.StartsWith("550", failed.Reply, StringComparison.Ordinal);
        Assert.Contains("no such mailbox", failed.Reply, StringComparison.Ordinal);
        Assert.Equal(4, outcomes.Count(o => o.Result == SendResult.Sent));
        var row = await outbox.FindAsync(failed.Key);
        Assert.Equal(OutboxState.Failed, row!.State);

        time.Advance(TimeSpan.FromHours(5));
        Assert.Empty(await sender.SendDueAsync());
        Assert.Equal(5, server.Received.Count);

        Assert.True(await outbox.RetryAsync(failed.Key));
        var retried = Assert.Single(await sender.SendDueAsync());
        Assert.Equal(SendResult.Sent, retried.Result);
        Assert.Equal(failed.MessageId, retried.MessageId);
    }

    [Fact]
    public async Task Send_WithNoServerListening_DefersWithBackoff_ThenFailsAfterMaxAttempts()
    {
        await QueueBulletinAsync();
        int port;
        await using (var gone = await LoopbackSmtpServer.StartAsync())
            port = gone.Port;
        var sender = new MailSender(
            outbox,
            new SmtpSettings { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, MaxAttempts = 3 },
            time);

        var first = await sender.SendDueAsync();
        Assert.All(first, o => Assert.Equal(SendResult.Deferred, o.Result));
        time.Advance(TimeSpan.FromMinutes(1));
        var second = await sender.SendDueAsync();
        Assert.All(second, o => Assert.Equal(time.GetUtcNow().AddMinutes(2), o.NextAttemptAt));
        time.Advance(TimeSpan.FromMinutes(2));
        var third = await sender.SendDueAsync();

        Assert.All(third, o => Assert.Equal(SendResult.Failed, o.Result));
        Assert.All(third, o => Assert.Contains("gave up after 3 attempts", o.Reply, StringComparison.Ordinal));
        Assert.All(await outbox.ListAsync(), r => Assert.Equal(3, r.Attempts));
    }

    private async Task AssertPasswordNowhereInTheOutboxAsync(IEnumerable<SendOutcome> outcomes)
    {
        foreach (var row in await outbox.ListAsync())
            Assert.DoesNotContain(Password, row.ToString(), StringComparison.Ordinal);
        foreach (var outcome in outcomes)
            Assert.DoesNotContain(Password, outcome.ToString(), StringComparison.Ordinal);

        // The store file itself, WAL included, byte for byte.
        foreach (var file in Directory.GetFiles(folder.Path, "notices.db*"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            Assert.DoesNotContain(Password, await reader.ReadToEndAsync(), StringComparison.Ordinal);
        }
    }
}
