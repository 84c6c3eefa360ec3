using Notices.Core.Evidence;
using Notices.Core.Schemes;

namespace Notices.Core.Scoring;

/// <summary>
/// What a clerk should chase at a date: reports due soon and not yet in, reports missing or
/// late, and judged scores still to be given.
/// </summary>
public static class Checklist
{
    /// <summary>Lists the open points at <paramref name="asOf"/>, earliest deadline first.</summary>
    /// <param name="horizonDays">How far ahead a coming deadline is listed as due.</param>
    public static IReadOnlyList<ChecklistEntry> Build(
        Scheme scheme, IEnumerable<EvidenceRecord> records, DateOnly asOf, int horizonDays = 30)
    {
        var facts = Scorer.Counting(records, asOf);
        var entries = new List<ChecklistEntry>();
        foreach (var unit in scheme.Units)
        {
            foreach (var item in scheme.Items)
            {
                var deadline = NextDeadline(item, scheme.Year, asOf);
                if (deadline > asOf.AddDays(horizonDays))
                    continue;

                var mine = facts[(unit.Id, item.Id)].ToList();
                foreach (var rule in item.Rules)
                {
                    if (Entry(unit, item, rule, deadline,
                            mine.Where(f => f.Fact == rule.Fact).ToList(), asOf) is { } entry)
                        entries.Add(entry);
                }
            }
        }
        return entries.OrderBy(e => e.Deadline).ThenBy(e => e.State).ToList();
    }

    private static ChecklistEntry? Entry(
        Unit unit, Item item, Rule rule, DateOnly deadline, List<EvidenceRecord> facts, DateOnly asOf)
    {
        var days = deadline.DayNumber - asOf.DayNumber;
        switch (rule)
        {
            case SubmissionRule when facts.Count == 0:
                return days >= 0
                    ? new ChecklistEntry(unit, item, ChecklistState.Due, deadline,
                        $"{rule.Label}：{Reasons.Day(deadline)}前报送，还有{days}天")
                    : new ChecklistEntry(unit, item, ChecklistState.Missing, deadline,
                        $"{rule.Label}：应于{Reasons.Day(deadline)}前报送，至今未报送");
            case SubmissionRule:
                var first = facts.Min(f => f.Date!.Value);
                return first > deadline
                    ? new ChecklistEntry(unit, item, ChecklistState.Late, deadline,
                        $"{rule.Label}：{Reasons.Day(first)}报送，晚于{Reasons.Day(deadline)}")
                    : null;
            case JudgedRule when facts.Count == 0:
                return new ChecklistEntry(unit, item, days >= 0 ? ChecklistState.Due : ChecklistState.Pending, deadline,
                    $"{rule.Label}：尚未赋分（满分{Reasons.Points(((JudgedRule)rule).Max)}分）");
            default:
                return null;
        }
    }

    /// <summary>The item's node; for a quarterly item, the quarter end on or after the date (else the last).</summary>
    private static DateOnly NextDeadline(Item item, int year, DateOnly asOf)
    {
        var dates = item.Node.Dates(year).ToList();
        return dates.FirstOrDefault(d => d >= asOf, dates[^1]);
    }
}
