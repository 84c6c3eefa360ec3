using System.Globalization;
using System.Text.RegularExpressions;
using Notices.Core.Schemes;

namespace Notices.Core.Evidence;

/// <summary>
/// Checks the rows of one evidence file against the scheme and turns them into records,
/// adding a problem for every bad cell (see <see cref="EvidenceReader"/> for the rules).
/// </summary>
internal sealed partial class RowValidator
{
    private static readonly string[] Required = ["unit", "item", "fact", "value", "date"];
    private static readonly string[] Optional = ["note", "id", "voids"];

    private const string DateForms = "write 2021-05-08, 2021/5/8 or 2021年5月8日";

    private readonly string file;
    private readonly Scheme scheme;
    private readonly IReadOnlySet<string> knownIds;
    private readonly IReadOnlySet<string> withdrawnIds;
    private readonly List<Problem> problems;
    private readonly HashSet<string> allFacts;
    private readonly string blankUnitHint;
    private readonly string unknownUnitHint;
    private readonly string itemRange;

    // id → the line that gave it, for ids of this file.
    private readonly Dictionary<string, int> idLines = new(StringComparer.Ordinal);

    // voided id → the line that withdrew it, within this file.
    private readonly Dictionary<string, int> voidLines = new(StringComparer.Ordinal);

    private Dictionary<string, int> columns = [];

    public RowValidator(
        string file,
        Scheme scheme,
        IReadOnlySet<string>? knownIds,
        IReadOnlySet<string>? withdrawnIds,
        List<Problem> problems)
    {
        this.file = file;
        this.scheme = scheme;
        this.knownIds = knownIds ?? new HashSet<string>();
        this.withdrawnIds = withdrawnIds ?? new HashSet<string>();
        this.problems = problems;
        allFacts = scheme.Items.SelectMany(i => i.Facts).ToHashSet(StringComparer.Ordinal);

        // A city scheme has hundreds of units: name a few and point to the scheme for the rest.
        if (scheme.Units.Count <= 12)
        {
            var names = string.Join(", ", scheme.Units.Select(u => u.Id));
            blankUnitHint = $"write one of {names}";
            unknownUnitHint = $"write one of {names} (or its full name)";
        }
        else
        {
            var few = string.Join(", ", scheme.Units.Take(3).Select(u => u.Id));
            blankUnitHint = unknownUnitHint = "write a unit's short id or full name as the scheme "
                + $"file lists them ({scheme.Units.Count} units), e.g. {few}";
        }
        itemRange = scheme.Items.Count == 0 ? "" : $"{scheme.Items[0].Id} to {scheme.Items[^1].Id}";
    }

    public List<EvidenceRecord> Validate(IEnumerable<EvidenceRow> rows)
    {
        var records = new List<EvidenceRecord>();
        using var content = rows.Where(r => !r.IsBlank).GetEnumerator();
        if (!content.MoveNext())
        {
            Add(1, "", "the file is empty; its first line must be the header "
                + "unit,item,fact,value,date (note, id and voids may follow)");
            return records;
        }

        if (!ReadHeader(content.Current))
        {
            // The rows cannot be checked without their header; the rest of the file is still
            // split, so that a quote left open further down is reported with it.
            while (content.MoveNext())
            {
            }
            return records;
        }

        // Row by row as they are read: only the records are kept.
        while (content.MoveNext())
        {
            if (ReadRow(content.Current) is { } record)
                records.Add(record);
        }
        return records;
    }

    private bool ReadHeader(EvidenceRow header)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var name = header.Cells[i].Trim().ToLowerInvariant();
            if (!Required.Contains(name) && !Optional.Contains(name))
                continue;
            if (found.TryGetValue(name, out var first))
            {
                Add(header.Line, name, $"the column \"{name}\" appears twice (columns "
                    + $"{first + 1} and {i + 1}); keep one of them");
                ok = false;
                continue;
            }
            found[name] = i;
        }

        foreach (var name in Required.Where(n => !found.ContainsKey(n)))
        {
            Add(header.Line, name, $"the required column \"{name}\" is missing; the header "
                + "must name unit, item, fact, value and date");
            ok = false;
        }

        columns = found;
        return ok;
    }

    private string? Cell(EvidenceRow row, string column)
    {
        if (!columns.TryGetValue(column, out var index))
            return null;
        var text = row.Cell(index).Trim();
        return text.Length == 0 ? null : text;
    }

    private EvidenceRecord? ReadRow(EvidenceRow row)
    {
        var line = row.Line;
        var before = problems.Count;
        var unitText = Cell(row, "unit");
        var itemText = Cell(row, "item");
        var factText = Cell(row, "fact");
        var valueText = Cell(row, "value");
        var dateText = Cell(row, "date");
        var note = Cell(row, "note");
        var id = Cell(row, "id");
        var voids = Cell(row, "voids");

        var withdrawOnly = voids is not null && unitText is null && itemText is null
            && factText is null && valueText is null && dateText is null;
        if (withdrawOnly)
        {
            CheckId(line, id);
            CheckVoids(line, voids, id);
            return problems.Count > before ? null
                : new EvidenceRecord(null, null, null, null, null, note, id, voids,
                    new RecordSource(file, line));
        }

        // Problems come in the spec's column order: unit, item, fact, value, date, id, voids.
        var unit = ReadUnit(line, unitText);
        var item = ReadItem(line, itemText);
        var rule = ReadFact(line, item, factText);
        var value = rule is null ? null : ReadValue(line, rule, valueText);
        var date = ReadDate(line, dateText);
        CheckId(line, id);
        CheckVoids(line, voids, id);

        if (problems.Count > before)
            return null;
        return new EvidenceRecord(unit!.Id, item!.Id, rule!.Fact, value, date, note, id, voids,
            new RecordSource(file, line));
    }

    private void CheckId(int line, string? id)
    {
        if (id is null)
            return;
        if (id.StartsWith('#'))
        {
            Add(line, "id", $"\"{id}\" may not start with #, which names a stored record by "
                + "its key; choose another id");
            return;
        }
        if (idLines.TryGetValue(id, out var earlier))
        {
            Add(line, "id", $"\"{id}\" is already the id of line {earlier}; give each record "
                + "its own id");
            return;
        }
        if (knownIds.Contains(id))
        {
            Add(line, "id", $"\"{id}\" is already the id of a stored record; give each record "
                + "its own id");
            return;
        }
        idLines[id] = line;
    }

    private void CheckVoids(int line, string? voids, string? id = null)
    {
        if (voids is null)
            return;
        if (voids == id)
        {
            Add(line, "voids", $"\"{voids}\" is this row's own id; voids must name an earlier "
                + "record, and a correction takes an id of its own");
            return;
        }
        if (!idLines.ContainsKey(voids) && !knownIds.Contains(voids))
        {
            Add(line, "voids", $"\"{voids}\" names no earlier record; voids must name the id "
                + "of a record on an earlier line of this file or already stored "
                + "(notices evidence list shows them)");
            return;
        }
        if (voidLines.TryGetValue(voids, out var earlier))
        {
            Add(line, "voids", $"\"{voids}\" is already withdrawn on line {earlier}; a record "
                + "is withdrawn once");
            return;
        }
        if (withdrawnIds.Contains(voids))
        {
            Add(line, "voids", $"\"{voids}\" is already withdrawn by a stored record; a record "
                + "is withdrawn once");
            return;
        }
        voidLines[voids] = line;
    }

    private Unit? ReadUnit(int line, string? text)
    {
        if (text is null)
        {
            Add(line, "unit", $"is blank; {blankUnitHint}");
            return null;
        }
        var unit = scheme.FindUnit(text);
        if (unit is null)
            Add(line, "unit", $"\"{text}\" is not a unit of the scheme; {unknownUnitHint}");
        return unit;
    }

    private Item? ReadItem(int line, string? text)
    {
        var range = itemRange;
        if (text is null)
        {
            Add(line, "item", $"is blank; write an item id of the scheme, {range}");
            return null;
        }
        var item = scheme.FindItem(text);
        if (item is null)
            Add(line, "item", $"\"{text}\" is not an item of the scheme; write an item id, {range}");
        return item;
    }

    private Rule? ReadFact(int line, Item? item, string? text)
    {
        string Reads() => $"item {item!.Id} reads {string.Join(", ", item.Facts)}";
        if (text is null)
        {
            Add(line, "fact", item is null ? "is blank; write the fact the row reports"
                : $"is blank; {Reads()}");
            return null;
        }
        if (!allFacts.Contains(text))
        {
            Add(line, "fact", item is null ? $"\"{text}\" is not a fact of the scheme"
                : $"\"{text}\" is not a fact of the scheme; {Reads()}");
            return null;
        }
        if (item is null)
            return null;
        var rule = item.RuleFor(text);
        if (rule is null)
            Add(line, "fact", $"\"{text}\" is not a fact item {item.Id} reads; {Reads()}");
        return rule;
    }

    private decimal? ReadValue(int line, Rule rule, string? text)
    {
        switch (rule)
        {
            case SubmissionRule or FlagRule:
            {
                if (text is null)
                    return rule is FlagRule ? 1m : null;
                if (ParseNumber(text) == 1m)
                    return 1m;
                var what = rule is FlagRule ? "a failing found" : "a report handed in";
                Add(line, "value", $"\"{text}\" is not a value for {rule.Fact} ({what}); "
                    + "leave it blank or write 1");
                return null;
            }

            case CountRule:
            {
                if (text is null)
                    return 1m;
                if (ParseNumber(text) is { } count && count >= 1 && count == decimal.Truncate(count))
                    return decimal.Truncate(count);
                Add(line, "value", $"\"{text}\" is not a count for {rule.Fact}; write a whole "
                    + "number of findings, 1 or more (blank means 1)");
                return null;
            }

            case JudgedRule judged:
            {
                string Accepted() => $"write a score from 0 to {Format(judged.Max)} with at most "
                    + "one decimal, e.g. 1.5";
                if (text is null)
                {
                    Add(line, "value", $"is blank; {rule.Fact} is a judged score: {Accepted()}");
                    return null;
                }
                if (ParseNumber(text) is not { } score)
                {
                    Add(line, "value", $"\"{text}\" is not a number; {Accepted()}");
                    return null;
                }
                if (score * 10 != decimal.Truncate(score * 10))
                {
                    Add(line, "value", $"\"{text}\" has more than one decimal; {Accepted()}");
                    return null;
                }
                if (score < 0 || score > judged.Max)
                {
                    Add(line, "value", $"\"{text}\" is outside 0 to {Format(judged.Max)}, the "
                        + $"range of {rule.Fact}; {Accepted()}");
                    return null;
                }
                return score;
            }

            default:
                throw new InvalidOperationException($"Unknown rule kind {rule.GetType().Name}.");
        }
    }

    private DateOnly? ReadDate(int line, string? text)
    {
        if (text is null)
        {
            Add(line, "date", $"is blank; {DateForms}");
            return null;
        }
        if (ParseDate(text) is not { } date)
        {
            Add(line, "date", $"\"{text}\" is not a date; {DateForms}");
            return null;
        }
        if (date.Year != scheme.Year)
        {
            Add(line, "date", $"\"{text}\" is outside the scheme's year {scheme.Year}; "
                + $"facts are dated from {scheme.Year}-01-01 to {scheme.Year}-12-31");
            return null;
        }
        return date;
    }

    /// <summary>Reads 2021-05-08, 2021-5-8, 2021/5/8 or 2021年5月8日; null when not a real day.</summary>
    internal static DateOnly? ParseDate(string text)
    {
        var match = DatePattern().Match(text);
        if (!match.Success)
            return null;
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return null;
        return new DateOnly(year, month, day);
    }

    /// <summary>A plain decimal in invariant culture (digits, one point, optional sign).</summary>
    private static decimal? ParseNumber(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Format(decimal value) =>
        value.ToString("0.#", CultureInfo.InvariantCulture);

    private void Add(int line, string column, string message) =>
        problems.Add(new Problem(file, line, column, message));

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?:-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})"
        + @"|/(?<m>[0-9]{1,2})/(?<d>[0-9]{1,2})|年(?<m>[0-9]{1,2})月(?<d>[0-9]{1,2})日)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
