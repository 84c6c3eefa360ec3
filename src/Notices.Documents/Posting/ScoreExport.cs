using System.Globalization;
using System.Text;
using System.Text.Json;
using Notices.Core.Schemes;
using Notices.Core.Scoring;
using Notices.Documents.Bulletins;

namespace Notices.Documents.Posting;

/// <summary>
/// The open-data files published beside the web posting: <c>scores.csv</c> (UTF-8 with a
/// byte-order mark, so Excel on Chinese Windows opens it right) and <c>scores.json</c>.
/// Units come in rank order; every item's score is given, blank / null where not scored.
/// </summary>
public static class ScoreExport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The CSV text: rank, unit, score, available, deduction, then one column per item.</summary>
    public static string Csv(Scheme scheme, IReadOnlyList<UnitScore> units)
    {
        var text = new StringBuilder();
        var header = new List<string> { "rank", "unit", "name", "score", "available", "deduction" };
        header.AddRange(scheme.Items.Select(i => "item " + i.Id));
        text.AppendJoin(',', header.Select(Field)).Append("\r\n");

        foreach (var unit in units.OrderBy(u => u.Rank))
        {
            var row = new List<string>
            {
                unit.Rank.ToString(CultureInfo.InvariantCulture),
                unit.Unit.Id,
                unit.Unit.Name,
                Points.Format(unit.Score),
                Points.Format(unit.Available),
                Points.Format(unit.Deduction),
            };
            row.AddRange(unit.Items.Select(i => i.Score is { } s ? Points.Format(s) : ""));
            text.AppendJoin(',', row.Select(Field)).Append("\r\n");
        }
        return text.ToString();
    }

    /// <summary>The JSON text.</summary>
    public static string JsonText(Scheme scheme, District district, Scorecard scorecard, BulletinInfo info)
    {
        var units = scorecard.For(district).OrderBy(u => u.Rank).Select(u => new
        {
            rank = u.Rank,
            unit = u.Unit.Id,
            name = u.Unit.Name,
            score = u.Score,
            available = u.Available,
            deduction = u.Deduction,
            categories = scheme.Categories.Select(c => new
            {
                number = c.Number,
                name = c.Name,
                score = u.Items.Where(i => i.Item.Category == c.Number).Sum(i => i.Score ?? 0),
                available = u.Items.Where(i => i.Item.Category == c.Number
                    && i.Status == ItemStatus.Scored).Sum(i => i.Max),
            }),
            items = u.Items.Select(i => new
            {
                item = i.Item.Id,
                status = BulletinData.StatusName(i.Status),
                max = i.Max,
                score = i.Score,
                deduction = i.Deduction,
                reasons = i.Deductions.Where(d => d.Points > 0).Select(d => d.Reason),
            }),
        });

        var document = new
        {
            year = scheme.Year,
            kind = info.Kind,
            period = info.Period,
            title = info.Title,
            number = info.Number,
            district = new { id = district.Id, name = district.Name },
            asOf = scorecard.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            available = scorecard.Available,
            units,
        };
        return JsonSerializer.Serialize(document, Json) + "\n";
    }

    // RFC 4180 quoting; a leading = + @ or tab would make a spreadsheet run the cell as a
    // formula, so such text gets a leading apostrophe.
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+@\t\r".Contains(value[0], StringComparison.Ordinal))
            value = "'" + value;
        if (value.IndexOfAny([',', '"', '\n', '\r']) >= 0)
            return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return value;
    }
}
