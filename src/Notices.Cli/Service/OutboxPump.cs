using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Notices.Delivery;

namespace Notices.Cli.Service;

/// <summary>
/// Sends what the outbox holds due, at start-up and then every <see cref="Interval"/>:
/// messages deferred by a 4xx reply and messages a crash left mid-send would otherwise wait
/// for the next bulletin node.
/// </summary>
internal sealed class OutboxPump(BulletinDelivery delivery, TimeProvider time, ILogger<OutboxPump> log)
    : BackgroundService
{
    public static TimeSpan Interval { get; } = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var outcomes = await delivery.SendDueAsync(stoppingToken);
                foreach (var outcome in outcomes)
                {
                    log.LogInformation(
                        "Outbox: message {Key} {MessageId} to {Recipient}: "
                        + "{Result} (attempt {Attempts}) {Reply}",
                        outcome.Key, outcome.MessageId, outcome.Recipient,
                        outcome.Result, outcome.Attempts, outcome.Reply);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Outbox: sending what is due failed; trying again in {Interval}", Interval);
            }

            try
            {
                await Task.Delay(Wait(time), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // On a rehearsal's fast clock a simulated minute is a fraction of a millisecond: the pump
    // would query the outbox without pause. It waits at least a real second there.
    private static TimeSpan Wait(TimeProvider time) =>
        time is Notices.Scheduling.AcceleratedTimeProvider fast && fast.ToReal(Interval) < TimeSpan.FromSeconds(1)
            ? fast.Simulated(TimeSpan.FromSeconds(1))
            : Interval;
}
