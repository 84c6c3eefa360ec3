using System.CommandLine;
using System.Globalization;
using Notices.Core;
using Notices.Delivery;

namespace Notices.Cli.Commands;

/// <summary>
/// <c>notices outbox</c>: every message and where it stands; <c>notices outbox retry KEY</c>:
/// requeues a failed message with its Message-ID unchanged.
/// </summary>
internal static class OutboxCommand
{
    public static Command Create()
    {
        var command = new Command("outbox", "List every message: state, attempts, the server's last reply");
        command.SetRun(async (context, result, cancellationToken) =>
        {
            var rows = await new Outbox(context.Store, context.Time).ListAsync(cancellationToken: cancellationToken);
            if (rows.Count == 0)
            {
                await context.Out.WriteLineAsync("The outbox is empty; `notices send BULLETIN` fills it.");
                return CommandRunner.Ok;
            }

            foreach (var row in rows)
            {
                var when = row.State switch
                {
                    OutboxState.Sent => Stamp("sent", row.SentAt),
                    OutboxState.Queued => Stamp("next try", row.NextAttemptAt),
                    _ => Stamp("changed", row.UpdatedAt),
                };
                await context.Out.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{row.Key,5}  {row.State.ToString().ToLowerInvariant(),-7}  "
                    + $"attempts {row.Attempts}  {row.Bulletin}  "
                    + $"{row.RecipientName} <{row.Recipient}>  {row.MessageId}  {when}  {row.LastReply}"));
            }
            var counts = rows.GroupBy(r => r.State).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
            await context.Out.WriteLineAsync($"{rows.Count} message(s): {string.Join(", ", counts)}");
            return CommandRunner.Ok;
        });
        command.Subcommands.Add(CreateRetry());
        return command;
    }

    private static Command CreateRetry()
    {
        var key = new Argument<long>("KEY") { Description = "The message's key, as `notices outbox` lists it" };
        var command = new Command("retry", "Requeue a failed message (same Message-ID); the next send delivers it")
        {
            key,
        };
        command.SetRun(async (context, result, cancellationToken) =>
        {
            var chosen = result.GetValue(key);
            var outbox = new Outbox(context.Store, context.Time);
            if (!await outbox.RetryAsync(chosen, cancellationToken))
            {
                var row = await outbox.FindAsync(chosen, cancellationToken);
                throw new NoticesRefusedException(row is null
                    ? $"There is no message {chosen} in the outbox; `notices outbox` lists the keys."
                    : $"Message {chosen} is {row.State.ToString().ToLowerInvariant()}, not failed; only a failed "
                        + "message is requeued (a queued one is sent by the next `notices send`).");
            }
            await context.Out.WriteLineAsync(
                $"Message {chosen} is queued again; `notices send` (or the running service) sends it.");
            return CommandRunner.Ok;
        });
        return command;
    }

    private static string Stamp(string what, DateTimeOffset? when) =>
        when is { } value ? string.Create(CultureInfo.InvariantCulture, $"{what} {value:yyyy-MM-dd HH:mm} UTC") : "";
}
