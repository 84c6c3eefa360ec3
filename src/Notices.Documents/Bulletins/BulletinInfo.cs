using System.Globalization;
using Notices.Core.Schemes;

namespace Notices.Documents.Bulletins;

/// <summary>
/// A bulletin's own data, besides the scores: what kind, which period, its title, who issues
/// it under which number, on which date, to whom, with copies to whom.
/// </summary>
/// <param name="Kind">half-year, q3 or annual.</param>
/// <param name="Period">上半年, 第三季度 or 全年.</param>
/// <param name="Title">e.g. 关于2021年上半年街道办事处居住小区管理工作考核情况的通报.</param>
/// <param name="Issuer">发文机关, e.g. 示例区人民政府办公室.</param>
/// <param name="Number">发文字号, e.g. 示政办发〔2021〕12号.</param>
/// <param name="Date">成文日期.</param>
/// <param name="Recipients">主送机关.</param>
/// <param name="Signature">发文机关署名.</param>
/// <param name="CopyTo">抄送机关.</param>
/// <param name="PrintedBy">印发机关.</param>
/// <param name="PrintedDate">印发日期.</param>
public sealed record BulletinInfo(
    string Kind,
    string Period,
    string Title,
    string Issuer,
    string Number,
    DateOnly Date,
    IReadOnlyList<string> Recipients,
    string Signature,
    IReadOnlyList<string> CopyTo,
    string PrintedBy,
    DateOnly PrintedDate)
{
    /// <summary>
    /// The bulletin a district issues at a node of the scheme: issuer, number and copies from
    /// the district's bulletin settings, date = the node's date.
    /// </summary>
    public static BulletinInfo For(Scheme scheme, District district, BulletinNode node)
    {
        var settings = district.Bulletin;
        var number = settings.Numbers.TryGetValue(node.Kind, out var n)
            ? $"{settings.NumberPrefix}〔{scheme.Year}〕{n}号"
            : "";
        return new BulletinInfo(
            node.Kind,
            node.Period,
            $"关于{PeriodName(scheme.Year, node.Period)}{Subject(scheme)}考核情况的通报",
            settings.Issuer,
            number,
            node.Date,
            ["各街道办事处"],
            settings.Signature,
            settings.CopyTo,
            settings.PrintedBy,
            node.Date);
    }

    /// <summary>
    /// How a title names the period: 2021年上半年, 2021年第三季度, and 2021年度 for 全年.
    /// </summary>
    public static string PeriodName(int year, string period) =>
        period == "全年" ? $"{year}年度" : $"{year}年{period}";

    /// <summary>
    /// What is assessed, read from the scheme's title: 2021年度街道办事处（乡镇政府）居住小区管理
    /// 工作考核表 gives 街道办事处居住小区管理工作.
    /// </summary>
    public static string Subject(Scheme scheme)
    {
        var title = scheme.Title;
        var year = $"{scheme.Year}年度";
        if (title.StartsWith(year, StringComparison.Ordinal))
            title = title[year.Length..];
        if (title.EndsWith("考核表", StringComparison.Ordinal))
            title = title[..^3];
        title = title.Replace("（乡镇政府）", "", StringComparison.Ordinal);
        return title.Length == 0 ? "工作" : title;
    }

    /// <summary>A date as official documents print it: 2021年6月25日 (GB/T 9704 §7.3.5.1).</summary>
    public static string Chinese(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
}
