namespace Notices.Delivery.Bulletins;

/// <summary>Who receives a copy of a bulletin.</summary>
/// <param name="Address">The mail address.</param>
/// <param name="Name">
/// Who it is, as the mail greets them: 示例区人民政府, 城关街道办事处, or a 抄送 organisation.
/// </param>
/// <param name="Unit">The street office's full name when the recipient is one; empty otherwise.</param>
public sealed record Recipient(string Address, string Name, string Unit);
