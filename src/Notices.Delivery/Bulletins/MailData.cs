namespace Notices.Delivery.Bulletins;

/// <summary>What the mail template sees (as snake_case names: title, number, district…).</summary>
/// <param name="Title">The bulletin's title, e.g. 关于2021年上半年…考核情况的通报.</param>
/// <param name="Number">Its document number, e.g. 示政办发〔2021〕12号.</param>
/// <param name="District">The district's name, e.g. 示例区.</param>
/// <param name="Unit">The street office's full name when the recipient is one; empty otherwise.</param>
/// <param name="Recipient">Who the mail greets.</param>
/// <param name="Period">How the bulletin names its period: 上半年, 第三季度, 全年.</param>
/// <param name="Date">The bulletin's date as a Chinese document writes it, e.g. 2021年6月25日.</param>
public sealed record MailData(
    string Title,
    string Number,
    string District,
    string Unit,
    string Recipient,
    string Period,
    string Date);
