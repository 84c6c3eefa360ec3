using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Notices.Core.Storage;
using Notices.Delivery.Bulletins;
using Notices.Delivery.Sending;
using Notices.Delivery.Tests.Support;

namespace Notices.Delivery.Tests;

public sealed class PickupFolderTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2021, 6, 25, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task WithNoServer_EachMessageIsAnEmlFile_ReadableWithItsAttachments_AndMarkedSent()
    {
        var outbox = new Outbox(Database.Sqlite(folder.File("notices.db")), time);
        Samples.Render(folder.File("output"));
        var template = MailTemplate.Load(Samples.RepositoryTemplate);
        var mailer = new BulletinMailer(outbox, template, folder.File("output"), "bureau.example");
        var scheme = Samples.Scheme();
        await mailer.QueueAsync(scheme, "half-year", scheme.Districts[0]);
        var sender = new MailSender(outbox, new SmtpSettings { PickupFolder = folder.File("pickup") }, time);

        var outcomes = await sender.SendDueAsync();

        Assert.All(outcomes, o => Assert.Equal(SendResult.Sent, o.Result));
        var files = Directory.GetFiles(folder.File("pickup"));
        Assert.Equal(5, files.Length);
        Assert.All(files, f => Assert.EndsWith(".eml", f, StringComparison.Ordinal));
        foreach (var row in await outbox.ListAsync())
        {
            Assert.Equal(OutboxState.Sent, row.State);
            var file = Path.Combine(folder.File("pickup"), MailSender.PickupFileName(row));
            using var message = await MimeMessage.LoadAsync(file);
            Assert.Equal(row.MessageId.Trim('<', '>'), message.MessageId);
            Assert.Equal(row.Recipient, message.To.Mailboxes.Single().Address);
            Assert.Equal(row.Subject, message.Subject);
            Assert.Equal(
                [Samples.Title + ".pdf", Samples.Title + ".docx"],
                message.Attachments.Select(a => a.ContentDisposition?.FileName));

            // The files are encoded once for all recipients; each message still carries them whole.
            foreach (var (part, attachment) in message.Attachments.Cast<MimePart>().Zip(row.Attachments))
            {
                using var content = new MemoryStream();
                await part.Content!.DecodeToAsync(content);
                Assert.Equal(await File.ReadAllBytesAsync(attachment.Path), content.ToArray());
                Assert.Equal(ContentEncoding.Base64, part.ContentTransferEncoding);
            }
        }
        // The PDF's base64 (it starts "%PDF", JVBER in base64) in lines of at most 76 characters.
        var lines = (await File.ReadAllLinesAsync(files[0]))
            .SkipWhile(l => !l.StartsWith("JVBER", StringComparison.Ordinal));
        Assert.All(lines.TakeWhile(l => l.Length > 0), l => Assert.InRange(l.Length, 1, 76));

        Assert.Empty(await sender.SendDueAsync());
        Assert.Equal(5, Directory.GetFiles(folder.File("pickup")).Length);
    }

    [Fact]
    public async Task AttachmentGoneBeforeSending_MarksTheMessageFailed_SayingToRenderAgain()
    {
        var outbox = new Outbox(Database.Sqlite(folder.File("notices.db")), time);
        var (row, _) = await outbox.EnqueueAsync(
            new NewMessage(
                new BulletinKey(2021, "half-year", "shili"), "a@shili.example", "甲", "通报", "正文",
                [new MailAttachment(folder.File("gone.pdf"), "通报.pdf")]),
            "d");
        var sender = new MailSender(outbox, new SmtpSettings { PickupFolder = folder.File("pickup") }, time);

        var outcome = Assert.Single(await sender.SendDueAsync());

        Assert.Equal(SendResult.Failed, outcome.Result);
        Assert.Contains("render the bulletin again", outcome.Reply, StringComparison.Ordinal);
        Assert.Equal(OutboxState.Failed, (await outbox.FindAsync(row.Key))!.State);
        Assert.Empty(Directory.GetFiles(folder.File("pickup")));
    }
}
