using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Notices.Delivery;
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
        var command = new Command(
            "send", "Mail a rendered bulletin to the district government, its street offices and 抄送")
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
            var settings = context.Settings;
            var delivery = new BulletinDelivery(
                context.Store, settings.Smtp, settings.Templates, settings.Output, context.Time);
            var failed = 0;

            foreach (var chosen in districts)
            {
                var messages = await delivery.DeliverAsync(scheme, chosenKind, chosen, cancellationToken);
                var bulletin = $"{scheme.Year}/{chosenKind}/{chosen.Id}";
                log.LogInformation(
                    "Bulletin {Bulletin}: {New} message(s) queued now, {Known} before; sent to {Destination}",
                    bulletin, messages.Count(m => m.QueuedNow), messages.Count(m => !m.QueuedNow),
                    delivery.Destination);

                await context.Out.WriteLineAsync($"{bulletin}:");
                foreach (var delivered in messages)
                {
                    var message = delivered.Message;
                    await context.Out.WriteLineAsync(
                        $"  {message.RecipientName} <{message.Recipient}>: {Describe(delivered)}");
                    if (delivered.Outcome is { } outcome)
                    {
                        log.LogInformation(
                            "Message {Key} {MessageId} to {Recipient}: {Result} (attempt {Attempts}) {Reply}",
                            outcome.Key, outcome.MessageId, outcome.Recipient, outcome.Result,
                            outcome.Attempts, outcome.Reply);
                        if (outcome.Result == SendResult.Failed)
                            failed++;
                    }
                }
            }

            if (failed > 0)
            {
                await context.Error.WriteLineAsync(
                    $"{failed} message(s) failed; see `notices outbox`, put the address or server "
                    + "right, then `notices outbox retry KEY`.");
                return DeliveryFailed;
            }
            return CommandRunner.Ok;
        });
        return command;
    }

    private static string Describe(DeliveredMessage delivered)
    {
        var row = delivered.Message;
        var key = row.Key;
        return delivered.Outcome switch
        {
            { Result: SendResult.Sent } o => $"sent, key {key} ({o.Reply})",
            { Result: SendResult.Deferred } o =>
                $"deferred, key {key}, attempt {o.Attempts}, next try {Time(o.NextAttemptAt)} ({o.Reply})",
            { Result: SendResult.Failed } o => $"FAILED, key {key} ({o.Reply})",
            { Result: SendResult.Skipped } => $"being sent by another sender, key {key}",
            _ => row.State switch
            {
                OutboxState.Sent => $"already sent {Time(row.SentAt)}, key {key}; not sent again",
                OutboxState.Failed =>
                    $"failed earlier, key {key} ({row.LastReply}); `notices outbox retry {key}` requeues it",
                OutboxState.Queued => $"waiting, key {key}, next try {Time(row.NextAttemptAt)} ({row.LastReply})",
                _ => $"being sent by another sender, key {key}",
            },
        };
    }

    private static string Time(DateTimeOffset? value) =>
        value is { } v ? v.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "";
}
