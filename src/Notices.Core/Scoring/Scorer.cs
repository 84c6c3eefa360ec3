using Notices.Core.Evidence;
using Notices.Core.Schemes;

namespace Notices.Core.Scoring;

/// <summary>
/// Scores every unit at an as-of date: a pure function of the scheme, the evidence and the
/// date, in exact decimal arithmetic, as the assessment spec's "Scoring at an as-of date" says.
/// </summary>
public static class Scorer
{
    /// <summary>Scores <paramref name="records"/> (stored or read from a file) at <paramref name="asOf"/>.</summary>
    /// <param name="scheme">The year's scheme.</param>
    /// <param name="records">Every record, withdrawals included, in file or import order.</param>
    /// <param name="asOf">Only facts dated on or before this day count.</param>
    public static Scorecard Score(Scheme scheme, IEnumerable<EvidenceRecord> records, DateOnly asOf) =>
        Score(scheme, records, asOf, scheme.Districts);

    /// <summary>
    /// Scores one district's units, with the scores and ranks that scoring every district gives
    /// them (ranks are within a district), from records that need hold only the district's
    /// facts and the withdrawals.
    /// </summary>
    /// <param name="scheme">The year's scheme.</param>
    /// <param name="records">The district's records and every withdrawal, in file or import order.</param>
    /// <param name="asOf">Only facts dated on or before this day count.</param>
    /// <param name="district">The district scored; the scorecard has its units only.</param>
    public static Scorecard Score(Scheme scheme, IEnumerable<EvidenceRecord> records, DateOnly asOf,
        District district) =>
        Score(scheme, records, asOf, [district]);

    private static Scorecard Score(Scheme scheme, IEnumerable<EvidenceRecord> records, DateOnly asOf,
        IReadOnlyList<District> districts)
    {
        var facts = Counting(records, asOf);
        var due = scheme.Items.Where(i => i.IsDue(asOf)).ToList();
        var available = due.Sum(i => i.Max);

        var units = new List<UnitScore>(districts.Sum(d => d.Units.Count));
        foreach (var district in districts)
        {
            var scored = district.Units
                .Select(unit => ScoreUnit(scheme, district, unit, facts, asOf))
                .ToList();
            units.AddRange(Rank(scored));
        }
        return new Scorecard(scheme, asOf, available, units);
    }

    /// <summary>
    /// The facts that count at <paramref name="asOf"/>, by unit and item: dated on or before it
    /// and not withdrawn. A withdrawal corrects the record it names at every as-of date, whatever
    /// its own date (spec, "Evidence files").
    /// </summary>
    internal static ILookup<(string Unit, string Item), EvidenceRecord> Counting(
        IEnumerable<EvidenceRecord> records, DateOnly asOf)
    {
        var all = records as IReadOnlyList<EvidenceRecord> ?? records.ToList();
        var withdrawn = all.Where(r => r.Voids is not null).Select(r => r.Voids!).ToHashSet(StringComparer.Ordinal);

        // A stored record with an id of its own may still be named by its key (#17): only
        // then is a key written out for every record.
        var byKey = withdrawn.Any(w => w.StartsWith('#'));
        return all
            .Where(r => r.HasFact && r.Date <= asOf && !IsWithdrawn(r, withdrawn, byKey))
            .ToLookup(r => (r.Unit!, r.Item!));
    }

    private static bool IsWithdrawn(EvidenceRecord record, HashSet<string> withdrawn, bool byKey) =>
        (record.Id is not null && withdrawn.Contains(record.Id))
        || (byKey && record.Source.Key > 0 && withdrawn.Contains($"#{record.Source.Key}"));

    private static UnitScore ScoreUnit(
        Scheme scheme,
        District district,
        Unit unit,
        ILookup<(string, string), EvidenceRecord> facts,
        DateOnly asOf)
    {
        var items = new List<ItemScore>(scheme.Items.Count);
        foreach (var item in scheme.Items)
        {
            items.Add(item.IsDue(asOf)
                ? ItemScoring.Score(item, scheme.Year, facts[(unit.Id, item.Id)].ToList(), asOf)
                : new ItemScore(item, ItemStatus.NotDue, null, null, []));
        }

        var scored = items.Where(i => i.Status == ItemStatus.Scored).ToList();
        return new UnitScore(unit, district, scored.Sum(i => i.Score!.Value), scored.Sum(i => i.Max), 0, items);
    }

    /// <summary>Highest score first; equal scores share a rank and the next rank skips (1, 2, 2, 4).</summary>
    private static IEnumerable<UnitScore> Rank(IReadOnlyList<UnitScore> units) =>
        units.Select(u => u with { Rank = 1 + units.Count(other => other.Score > u.Score) });
}
