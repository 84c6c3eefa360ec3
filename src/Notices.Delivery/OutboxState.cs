namespace Notices.Delivery;

/// <summary>Where a message stands. Stored as its lower-case name.</summary>
public enum OutboxState
{
    /// <summary>Waiting to be sent, at or after its next attempt time.</summary>
    Queued,

    /// <summary>Claimed by a sender that is talking to the server now.</summary>
    Sending,

    /// <summary>The server accepted it (250 to DATA), or it was written to the pickup folder.</summary>
    Sent,

    /// <summary>Refused for good (5xx) or out of attempts; <c>notices outbox retry</c> requeues it.</summary>
    Failed,
}
