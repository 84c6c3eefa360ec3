namespace Notices.Core.Schemes;

/// <summary>
/// The official-document parts of a district's bulletins (GB/T 9704): who issues them, how they
/// are numbered, who receives copies.
/// </summary>
/// <param name="Issuer">发文机关标志 without 文件, e.g. 示例区人民政府办公室.</param>
/// <param name="NumberPrefix">
/// 发文字号 prefix, e.g. 示政办发; the number reads 示政办发〔2021〕12号.
/// </param>
/// <param name="Numbers">The document number of each bulletin kind (half-year, q3, annual).</param>
/// <param name="Signature">The signing authority printed above the date.</param>
/// <param name="CopyTo">抄送 organisations.</param>
/// <param name="CopyAddresses">Mail addresses of the 抄送 organisations.</param>
/// <param name="PrintedBy">印发机关.</param>
public sealed record BulletinSettings(
    string Issuer,
    string NumberPrefix,
    IReadOnlyDictionary<string, int> Numbers,
    string Signature,
    IReadOnlyList<string> CopyTo,
    IReadOnlyList<string> CopyAddresses,
    string PrintedBy);
