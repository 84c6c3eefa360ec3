namespace Notices.Delivery;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text; only for a relay on the same machine or a closed network.</summary>
    None,

    /// <summary>Connect in plain text, then require STARTTLS (RFC 3207); usually port 587.</summary>
    StartTls,

    /// <summary>TLS from the first byte (RFC 8314 implicit TLS); usually port 465.</summary>
    SslOnConnect,

    /// <summary>TLS on port 465, otherwise STARTTLS when the server offers it.</summary>
    Auto,
}
