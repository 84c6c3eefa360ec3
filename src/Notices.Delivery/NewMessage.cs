namespace Notices.Delivery;

/// <summary>What is queued: a rendered message for one recipient of one bulletin.</summary>
/// <param name="Bulletin">The bulletin it carries.</param>
/// <param name="Recipient">The recipient's address.</param>
/// <param name="RecipientName">The recipient's name.</param>
/// <param name="Subject">The rendered subject.</param>
/// <param name="Body">The rendered plain-text body.</param>
/// <param name="Attachments">The files to attach.</param>
public sealed record NewMessage(
    BulletinKey Bulletin,
    string Recipient,
    string RecipientName,
    string Subject,
    string Body,
    IReadOnlyList<MailAttachment> Attachments);
