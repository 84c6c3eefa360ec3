using MimeKit;

namespace Notices.TestSupport;

/// <summary>A message as the loopback server saw it at the end of DATA.</summary>
public sealed record ReceivedMessage(
    string MessageId, bool Accepted, int Reply, MimeMessage Message, string? User);
