using Notices.Delivery.Sending;

namespace Notices.Delivery;

/// <summary>One recipient's message after a delivery run.</summary>
/// <param name="Message">The message as the outbox holds it after the run.</param>
/// <param name="QueuedNow">True when this run queued it; false when it was queued before.</param>
/// <param name="Outcome">What this run did with it; null when it was not due (sent before, or waiting).</param>
public sealed record DeliveredMessage(OutboxMessage Message, bool QueuedNow, SendOutcome? Outcome);
