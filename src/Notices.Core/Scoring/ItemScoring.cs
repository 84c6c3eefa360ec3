using Notices.Core.Evidence;
using Notices.Core.Schemes;

namespace Notices.Core.Scoring;

/// <summary>
/// Scores one due item for one unit from the facts that count at the as-of date, and writes
/// the reason line of every deduction.
/// </summary>
internal static class ItemScoring
{
    public static ItemScore Score(Item item, int year, IReadOnlyList<EvidenceRecord> facts, DateOnly asOf)
    {
        var lines = new List<Deduction>();
        foreach (var rule in item.Rules)
        {
            var mine = facts.Where(f => f.Fact == rule.Fact).ToList();
            var line = rule switch
            {
                SubmissionRule s => Submission(s, item.Node.FirstDue(year), mine, asOf),
                CountRule c => Count(c, mine),
                FlagRule f => Flag(f, mine),
                JudgedRule j => Judged(j, mine),
                _ => throw new InvalidOperationException($"rule kind {rule.GetType().Name} is not scored"),
            };

            // A judged component without its score leaves the whole item pending (spec: pending).
            if (rule is JudgedRule && line is null)
                return new ItemScore(item, ItemStatus.Pending, null, null, []);
            if (line is not null)
                lines.Add(line);
        }

        var sum = lines.Sum(l => l.Points);
        if (sum > item.Max)
        {
            lines.Add(new Deduction("max",
                $"以上合计扣{Reasons.Points(sum)}分，本项最多扣{Reasons.Points(item.Max)}分",
                item.Max - sum, []));
        }

        var deduction = Math.Min(sum, item.Max);
        return new ItemScore(item, ItemStatus.Scored, deduction, item.Max - deduction, lines);
    }

    /// <summary>
    /// The earliest submission counts: on time on or before the node, late after it; none is missing.
    /// </summary>
    private static Deduction Submission(
        SubmissionRule rule, DateOnly deadline, List<EvidenceRecord> facts, DateOnly asOf)
    {
        var first = facts.OrderBy(f => f.Date).FirstOrDefault();
        if (first is null)
        {
            return new Deduction(rule.Fact,
                $"截至{Reasons.Day(asOf)}未报送{rule.Label}，扣{Reasons.Points(rule.Missing)}分",
                rule.Missing, []);
        }

        var date = first.Date!.Value;
        return date <= deadline
            ? new Deduction(rule.Fact, $"{rule.Label}于{Reasons.Day(date)}报送，不扣分", 0m, [first.Reference])
            : new Deduction(rule.Fact,
                $"{rule.Label}于{Reasons.Day(date)}报送，晚于{Reasons.Day(deadline)}，"
                + $"扣{Reasons.Points(rule.Late)}分",
                rule.Late, [first.Reference]);
    }

    /// <summary>
    /// Findings add up, each deducting <see cref="CountRule.Each"/>, at most <see cref="CountRule.Cap"/>.
    /// </summary>
    private static Deduction? Count(CountRule rule, List<EvidenceRecord> facts)
    {
        if (facts.Count == 0)
            return null;

        var count = facts.Sum(f => f.Value ?? 1m);
        var raw = count * rule.Each;
        var points = rule.Cap is { } cap ? Math.Min(raw, cap) : raw;
        var (found, measure) = Reasons.Counted(rule.Label, count);
        var capped = rule.Cap is { } c && raw > c ? $"，最多扣{Reasons.Points(c)}分" : "";
        return new Deduction(rule.Fact,
            $"{found}，每{measure}扣{Reasons.Points(rule.Each)}分{capped}，扣{Reasons.Points(points)}分",
            points, facts.Select(f => f.Reference).ToList());
    }

    /// <summary>A failing found deducts its points once, however many rows report it.</summary>
    private static Deduction? Flag(FlagRule rule, List<EvidenceRecord> facts) =>
        facts.Count == 0
            ? null
            : new Deduction(rule.Fact, $"{rule.Label}，扣{Reasons.Points(rule.Points)}分", rule.Points,
                facts.Select(f => f.Reference).ToList());

    /// <summary>The latest dated score counts; on the same day, the later row. Null while none is given.</summary>
    private static Deduction? Judged(JudgedRule rule, List<EvidenceRecord> facts)
    {
        // OrderBy is stable, so among equal dates the later row stays later.
        var latest = facts.OrderBy(f => f.Date).LastOrDefault();
        if (latest?.Value is not { } score)
            return null;

        var points = rule.Max - score;
        var outcome = points == 0 ? "不扣分" : $"扣{Reasons.Points(points)}分";
        return new Deduction(rule.Fact,
            $"{rule.Label}得{Reasons.Points(score)}分（满分{Reasons.Points(rule.Max)}分），{outcome}",
            points, [latest.Reference]);
    }
}
