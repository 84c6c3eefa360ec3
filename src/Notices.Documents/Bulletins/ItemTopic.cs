using Notices.Core.Schemes;

namespace Notices.Documents.Bulletins;

/// <summary>
/// A short name for an item, read from its 考核内容 so a bulletin can name it in a sentence:
/// the first clause of a readable length, e.g.
/// 完成辖区住宅项目及物业服务企业基本信息采集录入工作.
/// </summary>
public static class ItemTopic
{
    private const int Shortest = 4;
    private const int Longest = 32;
    private static readonly char[] ClauseEnds = ['，', '。', '；', ';', ',', '：'];

    /// <summary>The item's topic.</summary>
    public static string Of(Item item)
    {
        var clauses = item.Content.Split(ClauseEnds, StringSplitOptions.RemoveEmptyEntries
            | StringSplitOptions.TrimEntries);
        foreach (var clause in clauses)
        {
            var text = Clean(clause);
            if (text.Length is >= Shortest and <= Longest)
                return text;
        }

        var first = clauses.Length > 0 ? Clean(clauses[0]) : item.Id;
        return first.Length <= Longest ? first : first[..(Longest - 1)] + "…";
    }

    // The seed puts the row's maximum in brackets at the end: (满分6分) or （满分4分）.
    private static string Clean(string clause)
    {
        var cut = clause.IndexOf("满分", StringComparison.Ordinal);
        if (cut > 0)
            clause = clause[..cut];
        return clause.TrimEnd('（', '(', ' ', '）', ')');
    }
}
