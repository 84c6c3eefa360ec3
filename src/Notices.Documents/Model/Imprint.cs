namespace Notices.Documents.Model;

/// <summary>
/// The 版记 (GB/T 9704 §7.4) at the foot of the last page, between rules as wide as the text
/// block: 抄送 first, then 印发机关 flush left and 印发日期 flush right on one line.
/// </summary>
/// <param name="CopyTo">抄送机关; printed as 抄送：甲，乙，丙。 Empty to leave the line out.</param>
/// <param name="PrintedBy">印发机关.</param>
/// <param name="PrintedDate">印发日期, e.g. 2021年6月25日印发 is printed from 2021年6月25日.</param>
public sealed record Imprint(IReadOnlyList<string> CopyTo, string PrintedBy, string PrintedDate)
{
    /// <summary>The 抄送 line as printed, or empty when there is no one to copy.</summary>
    public string CopyLine => CopyTo.Count == 0 ? "" : $"抄送：{string.Join("，", CopyTo)}。";

    /// <summary>The 印发日期 as printed, with 印发 after the date.</summary>
    public string PrintedLine => $"{PrintedDate}印发";
}
