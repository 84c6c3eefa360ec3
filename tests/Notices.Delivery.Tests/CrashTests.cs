using MimeKit;
using Notices.Core.Storage;
using Notices.Delivery.Sending;
using Notices.Delivery.Tests.Support;
using Xunit.Abstractions;

namespace Notices.Delivery.Tests;

/// <summary>
/// The sender runs in a child process that is killed (SIGKILL) mid-send and started again:
/// every message must reach its destination, none may be lost, no half-written file may stay.
/// </summary>
public sealed class CrashTests(ITestOutputHelper log) : IDisposable
{
    private const string Password = "crash-test-Pa55word";
    private const int ClaimTimeoutMs = 3000;

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private async Task<(Outbox Outbox, IReadOnlyList<OutboxMessage> Rows)> QueueAsync(int count, int attachmentBytes)
    {
        var outbox = new Outbox(Database.Sqlite(folder.File("notices.db")), TimeProvider.System);
        var attachment = folder.File("bulletin.pdf");
        var bytes = new byte[attachmentBytes];
        new Random(11).NextBytes(bytes);
        await File.WriteAllBytesAsync(attachment, bytes);

        var rows = new List<OutboxMessage>();
        for (var i = 0; i < count; i++)
        {
            var message = new NewMessage(
                new BulletinKey(2021, "half-year", "shili"),
                $"unit{i}@shili.example",
                $"第{i}街道办事处",
                Samples.Title,
                "请查收。\n",
                [
                    new MailAttachment(attachment, Samples.Title + ".pdf"),
                    new MailAttachment(attachment, Samples.Title + ".docx"),
                ]);
            rows.Add((await outbox.EnqueueAsync(message, "bureau.example")).Message);
        }
        return (outbox, rows);
    }

    [Fact]
    public async Task SenderKilledMidSend_ThreeTimes_EveryMessageReachesTheServer_NoneLost()
    {
        const int count = 12;
        await using var server = await LoopbackSmtpServer.StartAsync(user: "bulletins", password: Password);
        server.ReplyDelay = TimeSpan.FromMilliseconds(1000);
        var (outbox, rows) = await QueueAsync(count, 8 * 1024);
        var environment = new Dictionary<string, string> { ["NOTICES__Smtp__Password"] = Password };
        string[] arguments =
        [
            folder.File("notices.db"), "127.0.0.1", server.Port.ToString(), ClaimTimeoutMs.ToString(),
            folder.File("pickup"), "bulletins",
        ];
        var outputs = new List<string>();

        // Each kill lands while the server holds back its 250 to DATA: the server has the
        // message, the sender has not heard so, and its row is left in sending.
        var kills = 0;
        foreach (var threshold in new[] { 2, 5, 8 })
        {
            using var child = ChildSender.Start(arguments, environment);
            await ChildSender.WaitForAsync(
                () => server.Received.Count >= threshold, TimeSpan.FromSeconds(60), $"{threshold} messages");
            await child.KillAsync();
            kills++;
            outputs.Add(child.Output);

            // At least the message in flight is stranded; an earlier kill's may still wait
            // for its claim to run out.
            var stranded = (await outbox.ListAsync()).Count(r => r.State == OutboxState.Sending);
            Assert.InRange(stranded, 1, kills);
        }

        server.ReplyDelay = TimeSpan.Zero;
        using (var last = ChildSender.Start(arguments, environment))
        {
            Assert.Equal(0, await last.WaitAsync(TimeSpan.FromSeconds(90)));
            outputs.Add(last.Output);
            Assert.Contains("done", last.Output, StringComparison.Ordinal);
        }

        var final = await outbox.ListAsync();
        Assert.All(final, r => Assert.Equal(OutboxState.Sent, r.State));
        Assert.All(rows, r => Assert.True(
            server.AcceptedCount(r.MessageId) >= 1, $"{r.MessageId} never reached the server"));
        Assert.Equal(count, server.DistinctAccepted);
        Assert.InRange(server.RawAccepted - server.DistinctAccepted, 0, kills);
        log.WriteLine(
            $"{count} messages, {kills} kills mid-send: the server accepted {server.RawAccepted} "
            + $"({server.DistinctAccepted} distinct Message-IDs, "
            + $"{server.RawAccepted - server.DistinctAccepted} resent after a kill)");

        // The password reached the server, and nowhere else.
        Assert.All(outputs, o => Assert.DoesNotContain(Password, o, StringComparison.Ordinal));
        Assert.All(final, r => Assert.DoesNotContain(Password, r.ToString(), StringComparison.Ordinal));
        Assert.All(server.Received, r => Assert.Equal("bulletins", r.User));
    }

    [Fact]
    public async Task PickupWriterKilledMidWrite_LeavesNoHalfWrittenEml_AndTheRestartWritesEachMessageOnce()
    {
        // The attachment is encoded once and each message written straight from memory: only a
        // large one keeps a .tmp file in the folder long enough to be seen and killed mid-write.
        const int count = 6;
        const int attachmentBytes = 16_000_000;
        var (outbox, rows) = await QueueAsync(count, attachmentBytes);
        var pickup = folder.File("pickup");
        string[] arguments = [folder.File("notices.db"), "-", "0", ClaimTimeoutMs.ToString(), pickup];

        using (var child = ChildSender.Start(arguments))
        {
            await ChildSender.WaitForAsync(
                () => Directory.Exists(pickup) && Directory.GetFiles(pickup, "*.eml").Length >= 3
                    && Directory.GetFiles(pickup, "*.tmp").Length >= 1,
                TimeSpan.FromSeconds(60),
                "a message being written");
            await child.KillAsync();
        }

        var afterKill = Directory.GetFiles(pickup, "*.eml");
        var partial = Directory.GetFiles(pickup, "*.tmp").Length;
        log.WriteLine($"killed with {afterKill.Length} .eml and {partial} .tmp in the pickup folder");
        Assert.InRange(afterKill.Length, 1, count - 1);
        foreach (var file in afterKill)
            AssertWhole(file, attachmentBytes);
        foreach (var row in (await outbox.ListAsync()).Where(r => r.State == OutboxState.Sent))
        {
            var file = Path.Combine(pickup, MailSender.PickupFileName(row));
            Assert.True(File.Exists(file), $"row {row.Key} is sent but has no file");
        }

        using (var again = ChildSender.Start(arguments))
            Assert.Equal(0, await again.WaitAsync(TimeSpan.FromSeconds(90)));

        var files = Directory.GetFiles(pickup, "*.eml");
        Assert.Equal(count, files.Length);
        Assert.Empty(Directory.GetFiles(pickup, "*.tmp"));
        var ids = files.Select(f => AssertWhole(f, attachmentBytes)).ToList();
        Assert.Equal(rows.Select(r => r.MessageId.Trim('<', '>')).Order(), ids.Order());
        Assert.All(await outbox.ListAsync(), r => Assert.Equal(OutboxState.Sent, r.State));
    }

    private static string AssertWhole(string file, int attachmentBytes)
    {
        using var message = MimeMessage.Load(file);
        var parts = message.Attachments.OfType<MimePart>().ToList();
        Assert.Equal(2, parts.Count);
        foreach (var part in parts)
        {
            using var content = new MemoryStream();
            part.Content!.DecodeTo(content);
            Assert.Equal(attachmentBytes, content.Length);
        }
        return message.MessageId ?? "";
    }
}
