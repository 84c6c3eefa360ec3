using System.Globalization;

namespace Notices.Core.Scoring;

/// <summary>How reason lines write days, points and counts.</summary>
internal static class Reasons
{
    /// <summary>6月28日: the form bulletins use.</summary>
    public static string Day(DateOnly date) => $"{date.Month}月{date.Day}日";

    /// <summary>Points without trailing zeros: 1, 0.5, 2.4.</summary>
    public static string Points(decimal points) => points.ToString("0.##########", CultureInfo.InvariantCulture);

    /// <summary>
    /// Puts the count into a rule's label: "不良信息未及时录入{n}条" gives
    /// "不良信息未及时录入3条" and the measure 条; a label without {n} gets "3个".
    /// </summary>
    public static (string Found, string Measure) Counted(string label, decimal count)
    {
        var n = Points(count);
        var at = label.IndexOf("{n}", StringComparison.Ordinal);
        if (at < 0)
            return ($"{label}{n}个", "个");
        var measure = at + 3 < label.Length ? label.Substring(at + 3, 1) : "个";
        return (label.Replace("{n}", n, StringComparison.Ordinal), measure);
    }
}
