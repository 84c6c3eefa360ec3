namespace Notices.Delivery.Sending;

/// <summary>What happened to one message in one sending run.</summary>
public enum SendResult
{
    /// <summary>The server accepted it (or it was written to the pickup folder).</summary>
    Sent,

    /// <summary>A temporary failure (4xx, no connection); it is queued again for later.</summary>
    Deferred,

    /// <summary>Refused for good (5xx), out of attempts, or its files are gone.</summary>
    Failed,

    /// <summary>Another sender took it first; nothing was done.</summary>
    Skipped,
}
