using MimeKit;

namespace Notices.Delivery.Sending;

/// <summary>Turns an outbox row into the MIME message that is sent, the same bytes on every try.</summary>
internal static class MessageBuilder
{
    public static MimeMessage Build(OutboxMessage row, SmtpSettings settings)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName ?? "", settings.From));
        message.To.Add(new MailboxAddress(row.RecipientName, row.Recipient));
        message.Subject = row.Subject;

        // The Message-ID was fixed when the row was queued (RFC 5322 §3.6.4); a resend after a
        // crash carries the same one so the receiving side can tell it is the same message.
        message.MessageId = row.MessageId.Trim('<', '>');
        message.Date = row.CreatedAt;

        var body = new Multipart("mixed")
        {
            new TextPart("plain") { Text = row.Body },
        };
        message.Body = body;
        try
        {
            AddAttachments(body, row);
        }
        catch
        {
            // Closes the files already opened when a later one is missing.
            message.Dispose();
            throw;
        }
        return message;
    }

    private static void AddAttachments(Multipart body, OutboxMessage row)
    {
        foreach (var attachment in row.Attachments)
        {
            var part = new MimePart(MimeTypes.GetMimeType(attachment.Name))
            {
                Content = new MimeContent(File.OpenRead(attachment.Path)),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = attachment.Name,
            };

            // Chinese names: many mail clients used in government offices read only the RFC 2047
            // form of a non-ASCII file name, not RFC 2231's, so both parameters use it.
            foreach (var parameter in part.ContentDisposition.Parameters)
                parameter.EncodingMethod = ParameterEncodingMethod.Rfc2047;
            foreach (var parameter in part.ContentType.Parameters)
                parameter.EncodingMethod = ParameterEncodingMethod.Rfc2047;
            body.Add(part);
        }
    }
}
