using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Notices.Delivery.Sending;

/// <summary>
/// Sends what is due in the outbox, one message at a time: to the SMTP server when one is set,
/// otherwise as <c>.eml</c> files to the pickup folder.
/// </summary>
/// <remarks>
/// Each row is claimed (queued to sending) before the message goes out and marked sent only
/// after the server answered 250 to DATA. A sender that dies between those two steps leaves
/// its row in sending; once the claim times out the row is sent again with the same
/// Message-ID. So delivery is exactly once in the outbox and at least once at the SMTP
/// boundary: the window is one DATA exchange, and the connection and login happen before
/// the claim so as not to widen it. The library logs nothing; callers print the outcomes.
/// </remarks>
public sealed class MailSender
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromHours(1);

    private readonly Outbox outbox;
    private readonly SmtpSettings settings;
    private readonly TimeProvider time;
    private readonly Func<string, string?>? environment;

    /// <summary>A sender over <paramref name="outbox"/>.</summary>
    /// <param name="outbox">Where messages wait.</param>
    /// <param name="settings">Where they go.</param>
    /// <param name="time">The clock for retry times.</param>
    /// <param name="environment">Reads environment variables (the password); the process's when null.</param>
    public MailSender(
        Outbox outbox, SmtpSettings settings, TimeProvider time, Func<string, string?>? environment = null)
    {
        this.outbox = outbox;
        this.settings = settings;
        this.time = time;
        this.environment = environment;
    }

    /// <summary>
    /// The wait before the next try after <paramref name="attempts"/> tries: 1 minute, doubling,
    /// at most an hour.
    /// </summary>
    public static TimeSpan Backoff(int attempts)
    {
        // 1, 2, 4 … 32 minutes, then the cap; the shift stops early so it cannot overflow.
        var doublings = Math.Clamp(attempts - 1, 0, 6);
        var wait = FirstRetry * (1 << doublings);
        return wait < LongestRetry ? wait : LongestRetry;
    }

    /// <summary>Sends every due message, or only <paramref name="bulletin"/>'s.</summary>
    /// <returns>What happened to each message that was due.</returns>
    public async Task<IReadOnlyList<SendOutcome>> SendDueAsync(
        BulletinKey? bulletin = null, CancellationToken cancellationToken = default)
    {
        var due = await outbox.DueAsync(bulletin, cancellationToken);
        if (due.Count == 0)
            return [];

        var attachments = new EncodedAttachments();
        if (!settings.UsesServer)
            return await WriteToPickupAsync(due, attachments, cancellationToken);

        var outcomes = new List<SendOutcome>();
        SmtpClient? client = null;
        try
        {
            foreach (var row in due)
            {
                // Connect (or reconnect after a broken connection) before claiming, so the
                // claim covers only the message itself.
                string? connectionProblem = null;
                if (client is not { IsConnected: true })
                {
                    client?.Dispose();
                    client = null;
                    try
                    {
                        client = await ConnectAsync(cancellationToken);
                    }
                    catch (Exception e) when (IsTransient(e))
                    {
                        connectionProblem = Describe(e);
                    }
                }

                if (!await outbox.ClaimAsync(row.Key, settings.ClaimTimeout, cancellationToken))
                {
                    outcomes.Add(Outcome(row, SendResult.Skipped, null, row.Attempts, null));
                    continue;
                }
                var attempts = row.Attempts + 1;

                if (connectionProblem is not null || client is null)
                {
                    outcomes.Add(await DeferOrFailAsync(row, attempts, connectionProblem ?? "not connected"));
                    continue;
                }
                outcomes.Add(await SendOneAsync(client, row, attempts, attachments, cancellationToken));
            }
        }
        finally
        {
            if (client is { IsConnected: true })
            {
                try
                {
                    await client.DisconnectAsync(quit: true, CancellationToken.None);
                }
                catch (Exception e) when (IsTransient(e))
                {
                    // Every message is settled by now; a QUIT that fails changes nothing.
                }
            }
            client?.Dispose();
        }
        return outcomes;
    }

    private async Task<SendOutcome> SendOneAsync(
        SmtpClient client,
        OutboxMessage row,
        int attempts,
        EncodedAttachments attachments,
        CancellationToken cancellationToken)
    {
        MimeMessage message;
        try
        {
            message = MessageBuilder.Build(row, settings, attachments);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return await FailAsync(row, attempts, $"attachment unreadable: {e.Message}; render the bulletin again");
        }

        using (message)
        {
            string reply;
            try
            {
                reply = await client.SendAsync(message, cancellationToken);
            }
            catch (SmtpCommandException e)
            {
                // RFC 5321 §4.2.1: 4yz is a transient failure worth retrying, 5yz a permanent one.
                var code = (int)e.StatusCode;
                var text = $"{code} {e.Message}";
                return code is >= 400 and < 500
                    ? await DeferOrFailAsync(row, attempts, text)
                    : await FailAsync(row, attempts, text);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped mid-send: the server may or may not have the message, so the row is
                // queued again at once and resent with the same Message-ID.
                await outbox.DeferAsync(row.Key, "interrupted", time.GetUtcNow(), CancellationToken.None);
                throw;
            }
            catch (Exception e) when (IsTransient(e))
            {
                await DisconnectQuietlyAsync(client);
                return await DeferOrFailAsync(row, attempts, Describe(e));
            }

            var stored = reply.StartsWith("250", StringComparison.Ordinal) ? reply : "250 " + reply;
            await outbox.MarkSentAsync(row.Key, stored, CancellationToken.None);
            return Outcome(row, SendResult.Sent, stored, attempts, null);
        }
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient();
        try
        {
            if (!string.IsNullOrWhiteSpace(settings.CertificateThumbprint))
                client.ServerCertificateValidationCallback = AcceptPinned;

            var options = settings.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.Auto,
            };
            await client.ConnectAsync(settings.Host!, settings.Port, options, cancellationToken);

            if (!string.IsNullOrEmpty(settings.User))
            {
                var password = settings.ReadPassword(environment) ?? "";
                await client.AuthenticateAsync(settings.User, password, cancellationToken);
            }
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private bool AcceptPinned(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
            return true;
        if (certificate is null)
            return false;

        // A pinned certificate is accepted for what it is, whoever signed it (or nobody did).
        var pin = settings.CertificateThumbprint!.Replace(":", "", StringComparison.Ordinal).Trim();
        var sha1 = certificate.GetCertHashString();
        var sha256 = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        return string.Equals(pin, sha1, StringComparison.OrdinalIgnoreCase)
            || string.Equals(pin, sha256, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<IReadOnlyList<SendOutcome>> WriteToPickupAsync(
        IReadOnlyList<OutboxMessage> due, EncodedAttachments attachments, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.PickupFolder);
        var outcomes = new List<SendOutcome>();
        foreach (var row in due)
        {
            if (!await outbox.ClaimAsync(row.Key, settings.ClaimTimeout, cancellationToken))
            {
                outcomes.Add(Outcome(row, SendResult.Skipped, null, row.Attempts, null));
                continue;
            }
            var attempts = row.Attempts + 1;

            // Written under a temporary name and renamed into place, so the folder never holds
            // a half-written .eml; named by the row, so a rewrite after a crash replaces it.
            var final = Path.Combine(settings.PickupFolder, PickupFileName(row));
            var temporary = final + ".tmp";
            MimeMessage message;
            try
            {
                message = MessageBuilder.Build(row, settings, attachments);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var reason = $"attachment unreadable: {e.Message}; render the bulletin again";
                outcomes.Add(await FailAsync(row, attempts, reason));
                continue;
            }

            try
            {
                using (message)
                {
                    // Written in one go from memory: the attachments are already encoded.
                    using var file = new FileStream(
                        temporary, FileMode.Create, FileAccess.Write, FileShare.None, 81920);
                    message.WriteTo(file, CancellationToken.None);
                    file.Flush(flushToDisk: true);
                }
                File.Move(temporary, final, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                TryDelete(temporary);
                outcomes.Add(await DeferOrFailAsync(row, attempts, $"pickup folder: {e.Message}"));
                continue;
            }

            var reply = $"written to {final}";
            await outbox.MarkSentAsync(row.Key, reply, CancellationToken.None);
            outcomes.Add(Outcome(row, SendResult.Sent, reply, attempts, null));
        }
        return outcomes;
    }

    /// <summary>
    /// The name a message's <c>.eml</c> file gets in the pickup folder: the row's key, then the
    /// Message-ID's local part, so two stores writing to one folder never overwrite each other.
    /// </summary>
    public static string PickupFileName(OutboxMessage row)
    {
        var local = row.MessageId.Trim('<', '>').Split('@')[0];
        var safe = string.Concat(local.Where(char.IsAsciiLetterOrDigit));
        return $"{row.Key}-{safe}.eml";
    }

    private async Task<SendOutcome> DeferOrFailAsync(OutboxMessage row, int attempts, string reply)
    {
        if (attempts >= settings.MaxAttempts)
            return await FailAsync(row, attempts, $"{reply} (gave up after {attempts} attempts)");

        var next = time.GetUtcNow() + Backoff(attempts);
        await outbox.DeferAsync(row.Key, reply, next, CancellationToken.None);
        return Outcome(row, SendResult.Deferred, reply, attempts, next);
    }

    private async Task<SendOutcome> FailAsync(OutboxMessage row, int attempts, string reply)
    {
        await outbox.MarkFailedAsync(row.Key, reply, CancellationToken.None);
        return Outcome(row, SendResult.Failed, reply, attempts, null);
    }

    private static SendOutcome Outcome(
        OutboxMessage row, SendResult result, string? reply, int attempts, DateTimeOffset? next) =>
        new(row.Key, row.MessageId, row.Recipient, result, reply, attempts, next);

    private static bool IsTransient(Exception e) =>
        e is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException
            or SslHandshakeException or AuthenticationException or SmtpCommandException
            or TimeoutException or ProtocolException
        || (e is OperationCanceledException && e.InnerException is TimeoutException);

    private static string Describe(Exception e) => e switch
    {
        SmtpCommandException command => $"{(int)command.StatusCode} {command.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    private static async Task DisconnectQuietlyAsync(SmtpClient client)
    {
        try
        {
            await client.DisconnectAsync(quit: false, CancellationToken.None);
        }
        catch (Exception e) when (IsTransient(e))
        {
            // The connection is being dropped because it failed; the next message reconnects.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover .tmp is harmless: it is never read and the next write replaces it.
        }
    }
}
