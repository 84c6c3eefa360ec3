using System.Globalization;
using Notices.Core;
using Notices.Core.Schemes;

namespace Notices.Delivery.Bulletins;

/// <summary>
/// Queues a rendered bulletin in the outbox: one message per recipient of the district, each
/// with the bulletin's PDF and DOCX attached under the bulletin's title. Queueing the same
/// bulletin again queues nothing (the outbox keeps one message per bulletin and recipient).
/// </summary>
public sealed class BulletinMailer
{
    private readonly Outbox outbox;
    private readonly MailTemplate template;
    private readonly string outputRoot;
    private readonly string messageIdDomain;

    /// <summary>A mailer that reads renderings under <paramref name="outputRoot"/>.</summary>
    /// <param name="outbox">Where messages are queued.</param>
    /// <param name="template">The mail template.</param>
    /// <param name="outputRoot">The output folder (output/ by default).</param>
    /// <param name="messageIdDomain">The domain part of new Message-IDs.</param>
    public BulletinMailer(Outbox outbox, MailTemplate template, string outputRoot, string messageIdDomain)
    {
        this.outbox = outbox;
        this.template = template;
        this.outputRoot = outputRoot;
        this.messageIdDomain = messageIdDomain;
    }

    /// <summary>Queues <paramref name="kind"/>'s bulletin of <paramref name="district"/> to its recipients.</summary>
    /// <returns>Each recipient's message, and whether it was queued now (false: it was already).</returns>
    /// <exception cref="NoticesRefusedException">
    /// The scheme has no such bulletin, the bulletin is not rendered, is a draft, or lacks its
    /// PDF or DOCX.
    /// </exception>
    /// <exception cref="ProblemException">The mail template fails to render.</exception>
    public async Task<IReadOnlyList<(OutboxMessage Message, bool Queued)>> QueueAsync(
        Scheme scheme, string kind, District district, CancellationToken cancellationToken = default)
    {
        var node = scheme.FindBulletin(kind) ?? throw new NoticesRefusedException(
            $"The scheme has no bulletin '{kind}'; it has {string.Join(", ", scheme.Bulletins.Select(b => b.Kind))}.");
        var render = $"notices render {kind} --district {district.Id}";
        var folder = BulletinManifest.FolderOf(outputRoot, scheme.Year, kind, district.Id);
        var manifest = BulletinManifest.Read(folder, render);

        if (manifest.Kind != kind || manifest.District != district.Id || manifest.Year != scheme.Year)
        {
            throw new NoticesRefusedException(
                $"{Path.Combine(folder, BulletinManifest.FileName)} is for {manifest.Year}/{manifest.Kind}/"
                + $"{manifest.District}, not {scheme.Year}/{kind}/{district.Id}; run `{render}` again.");
        }
        if (manifest.Draft)
        {
            throw new NoticesRefusedException(
                $"The {kind} bulletin of {district.Id} in {folder} is a draft (items still pending); "
                + $"a draft is never mailed. Record the pending items, run `{render}`, then send.");
        }

        var pdf = Attachment(folder, manifest.Files?.Pdf, manifest.Title, ".pdf", render);
        var docx = Attachment(folder, manifest.Files?.Docx, manifest.Title, ".docx", render);
        var bulletin = new BulletinKey(scheme.Year, kind, district.Id);
        var date = string.Create(
            CultureInfo.InvariantCulture, $"{node.Date.Year}年{node.Date.Month}月{node.Date.Day}日");

        // Every recipient's message is made before any is queued, so a template that fails on
        // one queues none; then all go in at once.
        var messages = new List<NewMessage>();
        foreach (var recipient in Recipients.Of(district))
        {
            var (subject, body) = template.Render(new MailData(
                manifest.Title, manifest.Number, district.Name, recipient.Unit, recipient.Name, node.Period, date));
            messages.Add(new NewMessage(bulletin, recipient.Address, recipient.Name, subject, body, [pdf, docx]));
        }
        return await outbox.EnqueueAllAsync(messages, messageIdDomain, cancellationToken);
    }

    private static MailAttachment Attachment(string folder, string? file, string title, string extension, string render)
    {
        var path = string.IsNullOrEmpty(file) ? null : Path.GetFullPath(Path.Combine(folder, file));
        if (path is null || !File.Exists(path))
        {
            throw new NoticesRefusedException(
                $"The bulletin in {folder} has no {extension[1..].ToUpperInvariant()} file"
                + (path is null ? "" : $" ({path} is missing)") + $"; run `{render}` first.");
        }

        // The recipient sees the bulletin's title as the file's name; characters no file system
        // takes are replaced so the attachment can be saved as it is named.
        var name = string.Concat(title.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == '\\' ? '_' : c));
        return new MailAttachment(path, name + extension);
    }
}
