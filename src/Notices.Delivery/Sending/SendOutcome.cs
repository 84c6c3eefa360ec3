namespace Notices.Delivery.Sending;

/// <summary>What happened to one message, for the command or job to print and log.</summary>
/// <param name="Key">The outbox row.</param>
/// <param name="MessageId">The message's Message-ID.</param>
/// <param name="Recipient">The recipient's address.</param>
/// <param name="Result">What happened.</param>
/// <param name="Reply">The server's reply, or what went wrong.</param>
/// <param name="Attempts">Attempts so far, this one included.</param>
/// <param name="NextAttemptAt">When a deferred message is tried again.</param>
public sealed record SendOutcome(
    long Key,
    string MessageId,
    string Recipient,
    SendResult Result,
    string? Reply,
    int Attempts,
    DateTimeOffset? NextAttemptAt);
