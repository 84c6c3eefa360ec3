namespace Notices.Documents.Model;

/// <summary>
/// The 版头 (GB/T 9704 §7.2): the issuer mark in red 小标宋, the 发文字号 centred below it,
/// and a red line as wide as the text block 4 mm under the number.
/// </summary>
/// <param name="IssuerMark">发文机关标志, e.g. 示例区人民政府办公室文件.</param>
/// <param name="Number">发文字号, e.g. 示政办发〔2021〕12号; empty for none.</param>
public sealed record DocumentHead(string IssuerMark, string Number);
