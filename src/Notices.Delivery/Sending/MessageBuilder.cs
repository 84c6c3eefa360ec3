using MimeKit;
using MimeKit.IO;
using MimeKit.IO.Filters;

namespace Notices.Delivery.Sending;

/// <summary>Turns an outbox row into the MIME message that is sent, the same bytes on every try.</summary>
internal static class MessageBuilder
{
    /// <param name="row">The outbox row.</param>
    /// <param name="settings">The sender's address.</param>
    /// <param name="attachments">The attachment files, base64-encoded once for every recipient.</param>
    /// <exception cref="IOException">An attachment file cannot be read.</exception>
    public static MimeMessage Build(OutboxMessage row, SmtpSettings settings, EncodedAttachments attachments)
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
            AddAttachments(body, row, attachments);
        }
        catch
        {
            message.Dispose();
            throw;
        }
        return message;
    }

    private static void AddAttachments(Multipart body, OutboxMessage row, EncodedAttachments attachments)
    {
        foreach (var attachment in row.Attachments)
        {
            // Content already in base64 is written as it is: the encoding is done once per file.
            var encoded = new MemoryStream(attachments.Get(attachment.Path), writable: false);
            var part = new MimePart(MimeTypes.GetMimeType(attachment.Name))
            {
                Content = new MimeContent(encoded, ContentEncoding.Base64),
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

/// <summary>
/// Attachment files in base64, read and encoded once for all the messages one send makes: a
/// district's bulletin goes to a hundred recipients with the same PDF and DOCX. Holds the
/// files of the bulletin being sent, not every bulletin's.
/// </summary>
internal sealed class EncodedAttachments
{
    private const int MostFiles = 8;
    private readonly Dictionary<string, byte[]> encoded = new(StringComparer.Ordinal);

    /// <summary>The file at <paramref name="path"/> as base64 lines, as MIME writes them.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public byte[] Get(string path)
    {
        if (encoded.TryGetValue(path, out var bytes))
            return bytes;
        if (encoded.Count >= MostFiles)
            encoded.Clear();
        bytes = Encode(path);
        encoded[path] = bytes;
        return bytes;
    }

    private static byte[] Encode(string path)
    {
        using var output = new MemoryStream();
        using (var filtered = new FilteredStream(output))
        {
            filtered.Add(EncoderFilter.Create(ContentEncoding.Base64));
            using var file = File.OpenRead(path);
            file.CopyTo(filtered);
            filtered.Flush();
        }
        return output.ToArray();
    }
}
