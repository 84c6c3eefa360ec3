using Notices.Core;

namespace Notices.Delivery;

/// <summary>
/// The <c>Smtp</c> section of the settings: where mail goes. With no <see cref="Host"/>,
/// messages are written as <c>.eml</c> files to <see cref="PickupFolder"/> instead.
/// The password is never a setting of its own: it comes from the environment variable
/// <c>NOTICES__Smtp__Password</c> or from <see cref="PasswordFile"/>.
/// </summary>
public sealed class SmtpSettings
{
    /// <summary>The environment variable that holds the SMTP password.</summary>
    public const string PasswordVariable = "NOTICES__Smtp__Password";

    /// <summary>The SMTP server's host name; empty means "write to the pickup folder".</summary>
    public string? Host { get; set; }

    /// <summary>The server's port; 0 picks the usual one for <see cref="Security"/>.</summary>
    public int Port { get; set; }

    /// <summary>How the connection is secured.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The user to authenticate as; empty means no authentication.</summary>
    public string? User { get; set; }

    /// <summary>A file whose first line is the password (a container or systemd secret).</summary>
    public string? PasswordFile { get; set; }

    /// <summary>
    /// The SHA-1 or SHA-256 thumbprint (hex) of a server certificate to accept even though no
    /// trusted authority signed it: a bureau's own relay with a self-signed certificate.
    /// </summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>The sender's address.</summary>
    public string From { get; set; } = "notices@notices.local";

    /// <summary>The sender's display name, e.g. 示例区人民政府办公室; empty uses the address alone.</summary>
    public string? FromName { get; set; }

    /// <summary>The domain part of each Message-ID (<c>&lt;guid@domain&gt;</c>).</summary>
    public string MessageIdDomain { get; set; } = "notices.local";

    /// <summary>Tries per message before a temporary failure (4xx) becomes final.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Where messages are written when no <see cref="Host"/> is set.</summary>
    public string PickupFolder { get; set; } = "output/mail-pickup";

    /// <summary>
    /// How long a sender holds a message it is sending. A message left in <c>sending</c>
    /// longer than this (its sender died) is sent again, with the same Message-ID.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>True when messages go to an SMTP server rather than the pickup folder.</summary>
    public bool UsesServer => !string.IsNullOrWhiteSpace(Host);

    /// <summary>
    /// The password: the environment variable first, then the secret file; null when neither
    /// is set. Never stored in the outbox, never logged.
    /// </summary>
    /// <param name="environment">Reads an environment variable; the process environment when null.</param>
    /// <exception cref="NoticesRefusedException">The secret file is named but cannot be read.</exception>
    public string? ReadPassword(Func<string, string?>? environment = null)
    {
        var fromEnvironment = (environment ?? Environment.GetEnvironmentVariable)(PasswordVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
            return fromEnvironment;
        if (string.IsNullOrWhiteSpace(PasswordFile))
            return null;

        try
        {
            // A secret file usually ends with a newline the password does not contain.
            return File.ReadAllText(PasswordFile).TrimEnd('\r', '\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NoticesRefusedException(
                $"Smtp:PasswordFile {PasswordFile} cannot be read ({e.GetType().Name}); "
                + $"make it readable by this user or set {PasswordVariable} instead.");
        }
    }
}
