using Notices.Core;
using Notices.Core.Schemes;
using Notices.Core.Storage;
using Notices.Delivery.Bulletins;
using Notices.Delivery.Sending;

namespace Notices.Delivery;

/// <summary>
/// What <c>notices send</c> and the scheduled job call: queue a rendered bulletin to its
/// recipients, then send what is due for it. Safe to call again for the same bulletin: nothing
/// already sent is sent again.
/// </summary>
public sealed class BulletinDelivery
{
    private readonly SmtpSettings smtp;
    private readonly string templatesFolder;
    private readonly string outputRoot;
    private readonly MailSender sender;

    /// <summary>Delivery over the store <paramref name="store"/>.</summary>
    /// <param name="store">Where the outbox lives.</param>
    /// <param name="smtp">Where mail goes (a server, or the pickup folder).</param>
    /// <param name="templatesFolder">The folder holding <c>mail.txt</c>.</param>
    /// <param name="outputRoot">The output folder the renderer writes bulletins under.</param>
    /// <param name="time">The clock.</param>
    /// <param name="environment">Reads environment variables (the password); the process's when null.</param>
    public BulletinDelivery(
        Database store,
        SmtpSettings smtp,
        string templatesFolder,
        string outputRoot,
        TimeProvider time,
        Func<string, string?>? environment = null)
    {
        this.smtp = smtp;
        this.templatesFolder = templatesFolder;
        this.outputRoot = outputRoot;
        Outbox = new Outbox(store, time);
        sender = new MailSender(Outbox, smtp, time, environment);
    }

    /// <summary>The outbox the messages go through.</summary>
    public Outbox Outbox { get; }

    /// <summary>
    /// Queues <paramref name="kind"/>'s bulletin of <paramref name="district"/> (once per
    /// recipient, ever) and sends its due messages. The template is read on each call, so an
    /// edit takes effect without a restart.
    /// </summary>
    /// <returns>Every recipient's message, in queue order, with what this run did.</returns>
    /// <exception cref="NoticesRefusedException">Not rendered, a draft, or no such bulletin.</exception>
    /// <exception cref="ProblemException">The mail template has a problem.</exception>
    public async Task<IReadOnlyList<DeliveredMessage>> DeliverAsync(
        Scheme scheme, string kind, District district, CancellationToken cancellationToken = default)
    {
        var template = MailTemplate.Load(Path.Combine(templatesFolder, "mail.txt"));
        var mailer = new BulletinMailer(Outbox, template, outputRoot, smtp.MessageIdDomain);
        var queued = await mailer.QueueAsync(scheme, kind, district, cancellationToken);

        var bulletin = new BulletinKey(scheme.Year, kind, district.Id);
        var outcomes = (await sender.SendDueAsync(bulletin, cancellationToken)).ToDictionary(o => o.Key);
        var rows = (await Outbox.ListAsync(bulletin, cancellationToken)).ToDictionary(r => r.Key);

        return queued
            .Select(q => new DeliveredMessage(
                rows.GetValueOrDefault(q.Message.Key, q.Message), q.Queued, outcomes.GetValueOrDefault(q.Message.Key)))
            .ToList();
    }

    /// <summary>
    /// Sends every due message of every bulletin: the ones deferred by a 4xx reply or a lost
    /// connection, and the ones a dead sender left behind. The service calls this now and then.
    /// </summary>
    public Task<IReadOnlyList<SendOutcome>> SendDueAsync(CancellationToken cancellationToken = default) =>
        sender.SendDueAsync(cancellationToken: cancellationToken);

    /// <summary>Where messages go, for logs: the server (never its password) or the pickup folder.</summary>
    public string Destination => smtp.UsesServer
        ? $"{smtp.Host}:{(smtp.Port == 0 ? "default port" : smtp.Port)} ({smtp.Security})"
        : $"the pickup folder {Path.GetFullPath(smtp.PickupFolder)}";
}
