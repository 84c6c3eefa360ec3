using System.Globalization;
using Notices.Core.Evidence;

namespace Notices.Core.Tests.Scoring;

/// <summary>Builds evidence records for scoring tests, numbered like lines of a file.</summary>
internal sealed class Facts
{
    private readonly List<EvidenceRecord> records = [];

    public IReadOnlyList<EvidenceRecord> Records => records;

    public Facts Add(string unit, string item, string fact, string date, decimal? value = null, string? id = null)
    {
        records.Add(new EvidenceRecord(unit, item, fact, value, DateOnly.Parse(date, CultureInfo.InvariantCulture),
            null, id, null, new RecordSource("test.csv", records.Count + 2)));
        return this;
    }

    public Facts Void(string id)
    {
        records.Add(new EvidenceRecord(null, null, null, null, null, null, null, id,
            new RecordSource("test.csv", records.Count + 2)));
        return this;
    }

    /// <summary>Every unit hands in every report of the year on its deadline and gets full marks.</summary>
    public static Facts PerfectYear(IEnumerable<string> units)
    {
        var facts = new Facts();
        foreach (var unit in units)
        {
            foreach (var item in Repo.Scheme2021.Items)
            {
                if (item.RuleFor("submitted") is not null)
                    facts.Add(unit, item.Id, "submitted",
                        item.Node.FirstDue(2021).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            facts.Add(unit, "6.1", "spot_check", "2021-12-20", 2m);
        }
        return facts;
    }
}
