using Notices.Core.Schemes;
using Notices.Core.Scoring;

namespace Notices.Documents.Bulletins;

/// <summary>
/// The figures a bulletin's text quotes: highest and lowest score with their units, the
/// average to one decimal, the units below a threshold, and the deductions most units share.
/// </summary>
public sealed record BulletinSummary
{
    /// <summary>Units in rank order (ties in scheme order).</summary>
    public required IReadOnlyList<UnitScore> Ranked { get; init; }

    /// <summary>The highest score.</summary>
    public required decimal Highest { get; init; }

    /// <summary>Units with the highest score.</summary>
    public required IReadOnlyList<UnitScore> HighestUnits { get; init; }

    /// <summary>The lowest score.</summary>
    public required decimal Lowest { get; init; }

    /// <summary>Units with the lowest score.</summary>
    public required IReadOnlyList<UnitScore> LowestUnits { get; init; }

    /// <summary>The mean score, rounded half away from zero to one decimal.</summary>
    public required decimal Average { get; init; }

    /// <summary>The threshold score: <see cref="ThresholdShare"/> of the points available.</summary>
    public required decimal Threshold { get; init; }

    /// <summary>The share of the points available below which a unit is named (0.9 by default).</summary>
    public required decimal ThresholdShare { get; init; }

    /// <summary>Units scoring below <see cref="Threshold"/>, in rank order.</summary>
    public required IReadOnlyList<UnitScore> Below { get; init; }

    /// <summary>Units that lost any points, in rank order.</summary>
    public required IReadOnlyList<UnitScore> Lost { get; init; }

    /// <summary>The deductions shared by the most units, most units first (at most five).</summary>
    public required IReadOnlyList<FrequentDeduction> Frequent { get; init; }

    /// <summary>Computes the summary of one district's units.</summary>
    /// <param name="scorecard">The scores at the as-of date.</param>
    /// <param name="district">The district whose units are summed up.</param>
    /// <param name="thresholdShare">The share of the points available a unit must reach.</param>
    public static BulletinSummary Of(Scorecard scorecard, District district, decimal thresholdShare = 0.9m)
    {
        var units = scorecard.For(district);
        var available = scorecard.Available;
        var ranked = units.OrderBy(u => u.Rank).ToList();
        var highest = ranked.Count == 0 ? 0 : ranked.Max(u => u.Score);
        var lowest = ranked.Count == 0 ? 0 : ranked.Min(u => u.Score);
        var average = ranked.Count == 0
            ? 0
            : Math.Round(ranked.Average(u => u.Score), 1, MidpointRounding.AwayFromZero);
        var threshold = Math.Round(available * thresholdShare, 1, MidpointRounding.AwayFromZero);

        return new BulletinSummary
        {
            Ranked = ranked,
            Highest = highest,
            HighestUnits = ranked.Where(u => u.Score == highest).ToList(),
            Lowest = lowest,
            LowestUnits = ranked.Where(u => u.Score == lowest).ToList(),
            Average = average,
            Threshold = threshold,
            ThresholdShare = thresholdShare,
            Below = ranked.Where(u => u.Score < threshold).ToList(),
            Lost = ranked.Where(u => u.Deduction > 0).ToList(),
            Frequent = FrequentOf(scorecard.Scheme, ranked),
        };
    }

    private static List<FrequentDeduction> FrequentOf(Scheme scheme, IReadOnlyList<UnitScore> ranked)
    {
        var lines =
            from unit in ranked
            from item in unit.Items
            where item.Status == ItemStatus.Scored
            from deduction in item.Deductions
            where deduction.Points > 0
            select (unit, item, deduction);

        // The order of first appearance keeps ties in scheme order, so the text is stable.
        var order = new List<(string Item, string Fact)>();
        var groups = new Dictionary<(string Item, string Fact), List<(UnitScore Unit, ItemScore Item,
            Deduction Line)>>();
        foreach (var line in lines)
        {
            var key = (line.item.Item.Id, line.deduction.Fact);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
                order.Add(key);
            }
            list.Add(line);
        }

        return order
            .Select((key, index) => (key, index, list: groups[key]))
            .OrderByDescending(g => g.list.Select(l => l.Unit).Distinct().Count())
            .ThenByDescending(g => g.list.Sum(l => l.Line.Points))
            .ThenBy(g => g.index)
            .Take(5)
            .Select(g =>
            {
                var item = g.list[0].Item.Item;
                return new FrequentDeduction(
                    item.Id,
                    scheme.Categories.FirstOrDefault(c => c.Number == item.Category)?.Name ?? "",
                    ItemTopic.Of(item),
                    Describe(item.RuleFor(g.key.Fact), g.key.Fact, g.list.Select(l => l.Line.Reason).ToList()),
                    g.list.Select(l => l.Unit.Unit.Name).Distinct().ToList(),
                    g.list.Sum(l => l.Line.Points));
            })
            .ToList();
    }

    /// <summary>
    /// Names a shared failing in words: 考核方案逾期报送, 未报送半年考核通报,
    /// 不良信息未及时录入 (a count rule's label up to its {n}), or the flag's label as it stands.
    /// </summary>
    internal static string Describe(Rule? rule, string fact, IReadOnlyList<string> reasons)
    {
        switch (rule)
        {
            case null:
                return fact;
            case SubmissionRule:
                var missing = reasons.Count(r => r.Contains("未报送", StringComparison.Ordinal));
                return missing == reasons.Count ? $"未报送{rule.Label}"
                    : missing == 0 ? $"{rule.Label}逾期报送"
                    : $"{rule.Label}逾期报送或未报送";
            case JudgedRule:
                return $"{rule.Label}失分";
            default:
                var cut = rule.Label.IndexOf("{n}", StringComparison.Ordinal);
                return cut > 0 ? rule.Label[..cut] : rule.Label;
        }
    }
}
