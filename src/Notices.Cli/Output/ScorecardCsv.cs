using System.Globalization;
using System.Text;
using Notices.Core.Scoring;

namespace Notices.Cli.Output;

/// <summary>The scorecard as CSV: one row per unit and item, with the unit's total and rank on each row.</summary>
internal static class ScorecardCsv
{
    public static string Render(Scorecard card)
    {
        var text = new StringBuilder();
        text.AppendLine("as_of,district,unit,unit_score,unit_available,rank,item,status,max,deduction,score,reasons");
        var asOf = card.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var unit in card.Units)
        {
            foreach (var item in unit.Items)
            {
                string[] cells =
                [
                    asOf, unit.District.Id, unit.Unit.Id,
                    ScoreTable.Number(unit.Score), ScoreTable.Number(unit.Available),
                    unit.Rank.ToString(CultureInfo.InvariantCulture), item.Item.Id, ScorecardJson.Status(item.Status),
                    ScoreTable.Number(item.Max),
                    item.Deduction is { } d ? ScoreTable.Number(d) : "",
                    item.Score is { } s ? ScoreTable.Number(s) : "",
                    string.Join("；", item.Deductions.Where(l => l.Points != 0).Select(l => l.Reason)),
                ];
                text.AppendLine(string.Join(',', cells.Select(Quote)));
            }
        }
        return text.ToString();
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0
            ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : cell;
}
