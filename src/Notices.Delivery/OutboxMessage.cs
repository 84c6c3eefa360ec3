namespace Notices.Delivery;

/// <summary>One message of the outbox: one bulletin to one recipient.</summary>
/// <param name="Key">The row's number; what <c>notices outbox retry</c> takes.</param>
/// <param name="MessageId">The RFC 5322 Message-ID with its angle brackets, fixed when queued.</param>
/// <param name="Bulletin">The bulletin it carries.</param>
/// <param name="Recipient">The recipient's address.</param>
/// <param name="RecipientName">The recipient's name, e.g. 城关街道办事处.</param>
/// <param name="Subject">The rendered subject.</param>
/// <param name="Body">The rendered plain-text body.</param>
/// <param name="Attachments">The files attached, each with the name the recipient sees.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Attempts">How many times a sender has tried it.</param>
/// <param name="NextAttemptAt">When it may be tried next (while queued).</param>
/// <param name="LastReply">The server's last reply, or what went wrong.</param>
/// <param name="CreatedAt">When it was queued; also its Date header.</param>
/// <param name="UpdatedAt">When its row last changed.</param>
/// <param name="SentAt">When the server accepted it.</param>
public sealed record OutboxMessage(
    long Key,
    string MessageId,
    BulletinKey Bulletin,
    string Recipient,
    string RecipientName,
    string Subject,
    string Body,
    IReadOnlyList<MailAttachment> Attachments,
    OutboxState State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastReply,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SentAt);
