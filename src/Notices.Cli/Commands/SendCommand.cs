using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Notices.Delivery;
using Notices.Delivery.Bulletins;
using Notices.Delivery.Sending;

namespace Notices.Cli.Commands;

/// <summary>
/// <c>notices send half-year|q3|annual [--district D]</c>: queues the rendered bulletin to every
/// recipient the scheme names, then sends what is due. Running it again sends nothing already sent.
/// </summary>
internal static class SendCommand
{
    /// <summary>Exit code when a message was refused for good (5xx) or ran out of attempts.</summary>
    public const int DeliveryFailed = 4;

    public static Command Create()
    {
        var kind = new Argument<string>("BULLETIN")
        {
            Description = "Which bulletin: half-year, q3 or annual",
        };
        var district = CliOptions.District();
        var command = new Command("send", "Mail a rendered bulletin to the district government, its street offices and 抄送")
        {
            kind, district,
        };
        command.SetRun(async (context, result, cancellationToken) =>
        {
            var scheme = context.Scheme;
            var chosenKind = result.GetValue(kind)!;
            if (scheme.FindBulletin(chosenKind) is null)
                throw Unknown.Bulletin(scheme, chosenKind);
            var districts = result.GetValue(district) is { } only
                ? [scheme.FindDistrict(only) ?? throw Unknown.District(scheme, only)]
                : scheme.Districts;

            var log = context.Loggers.CreateLogger("notices.send");
            var smtp = context.Settings.Smtp;
            var outbox = new Outbox(context.Store, context.Time);
            var template = MailTemplate.Load(Path.Combine(context.Settings.Templates, "mail.txt"));
            var mailer = new BulletinMailer(outbox, template, context.Settings.Output, smtp.MessageIdDomain);
            var sender = new MailSender(outbox, smtp, context.Time);
            var failed = 0;

            foreach (var chosen in districts)
            {
                var queued = await mailer.QueueAsync(scheme, chosenKind, chosen, cancellationToken);
                var bulletin = new BulletinKey(scheme.Year, chosenKind, chosen.Id);
                log.LogInformation(
                    "Bulletin {Bulletin}: {New} message(s) queued now, {Known} queued before; sending to {Destination}",
                    bulletin, queued.Count(q => q.Queued), queued.Count(q => !q.Queued), Destination(smtp));

                var outcomes = (await sender.SendDueAsync(bulletin, cancellationToken)).ToDictionary(o => o.Key);
                await context.Out.WriteLineAsync($"{bulletin}:");
                foreach (var (message, _) in queued)
                {
                    var line = outcomes.TryGetValue(message.Key, out var outcome)
                        ? Describe(outcome)
                        : await DescribeUntouchedAsync(outbox, message.Key, cancellationToken);
                    await context.Out.WriteLineAsync($"  {message.RecipientName} <{message.Recipient}>: {line}");
                    if (outcome is not null)
                    {
                        log.LogInformation(
                            "Message {Key} {MessageId} to {Recipient}: {Result} (attempt {Attempts}) {Reply}",
                            outcome.Key, outcome.MessageId, outcome.Recipient, outcome.Result, outcome.Attempts,
                            outcome.Reply);
                    }
                    if (outcome?.Result == SendResult.Failed)
                        failed++;
                }
            }

            if (failed > 0)
            {
                await context.Error.WriteLineAsync(
                    $"{failed} message(s) failed; see `notices outbox`, put the address or server right, "
                    + "then `notices outbox retry KEY`.");
                return DeliveryFailed;
            }
            return CommandRunner.Ok;
        });
        return command;
    }

    private static string Destination(SmtpSettings smtp) => smtp.UsesServer
        ? $"{smtp.Host}:{(smtp.Port == 0 ? "default port" : smtp.Port.ToString(CultureInfo.InvariantCulture))} ({smtp.Security})"
        : $"the pickup folder {Path.GetFullPath(smtp.PickupFolder)}";

    private static string Describe(SendOutcome outcome) => outcome.Result switch
    {
        SendResult.Sent => $"sent, key {outcome.Key} ({outcome.Reply})",
        SendResult.Deferred => string.Create(
            CultureInfo.InvariantCulture,
            $"deferred, key {outcome.Key}, attempt {outcome.Attempts}, next try {outcome.NextAttemptAt:yyyy-MM-dd HH:mm} UTC ({outcome.Reply})"),
        SendResult.Failed => $"FAILED, key {outcome.Key} ({outcome.Reply})",
        _ => $"being sent by another sender, key {outcome.Key}",
    };

    private static async Task<string> DescribeUntouchedAsync(Outbox outbox, long key, CancellationToken cancellationToken)
    {
        var row = await outbox.FindAsync(key, cancellationToken);
        return row?.State switch
        {
            OutboxState.Sent => string.Create(
                CultureInfo.InvariantCulture, $"already sent {row.SentAt:yyyy-MM-dd HH:mm} UTC, key {key}; not sent again"),
            OutboxState.Failed => $"failed earlier, key {key} ({row.LastReply}); `notices outbox retry {key}` requeues it",
            OutboxState.Queued => string.Create(
                CultureInfo.InvariantCulture, $"waiting, key {key}, next try {row.NextAttemptAt:yyyy-MM-dd HH:mm} UTC ({row.LastReply})"),
            _ => $"being sent by another sender, key {key}",
        };
    }
}
