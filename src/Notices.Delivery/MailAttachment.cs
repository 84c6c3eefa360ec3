namespace Notices.Delivery;

/// <summary>A file attached to a message.</summary>
/// <param name="Path">Where the file is when the message is sent.</param>
/// <param name="Name">The name the recipient sees, e.g. 关于2021年上半年…的通报.pdf.</param>
public sealed record MailAttachment(string Path, string Name);
