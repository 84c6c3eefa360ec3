using System.Text.Json;
using Notices.Core.Schemes;
using Notices.Core.Scoring;
using Scriban.Runtime;

namespace Notices.Documents.Bulletins;

/// <summary>
/// Builds the data a bulletin or posting template sees, as plain Scriban objects with
/// snake_case names: <c>scheme</c>, <c>district</c>, <c>bulletin</c>, <c>scorecard</c>,
/// <c>summary</c> and the named-block markers (<c>score_table</c>). Numbers a template prints
/// come as text already formatted (58.7); the <c>*_value</c> twins are numbers for arithmetic.
/// No .NET object is exposed.
/// </summary>
public static class BulletinData
{
    /// <summary>The marker a template writes where the scored table goes.</summary>
    public const string ScoreTableMarker = "[[考核表]]";

    /// <summary>
    /// Up to this many units a template names each one in a sentence (<c>summary.list_units</c>):
    /// twelve names are about four body lines, while a city district's hundred names would fill
    /// pages the ranking table and the attachment already cover.
    /// </summary>
    public const int ListedUnits = 12;

    /// <summary>
    /// For more than <see cref="ListedUnits"/> units, the units whose deductions the text spells
    /// out (<c>scorecard.itemised</c>): the lowest ranked that lost points; the attachment
    /// shows every unit's marks.
    /// </summary>
    public const int ItemisedUnits = 10;

    /// <summary>Builds the template data.</summary>
    /// <param name="scheme">The year's scheme.</param>
    /// <param name="district">The district issuing the bulletin.</param>
    /// <param name="scorecard">The scores at the bulletin's as-of date.</param>
    /// <param name="info">The bulletin's own data.</param>
    /// <param name="summary">The district's summary figures.</param>
    /// <param name="draft">True for a draft for comment.</param>
    public static ScriptObject Build(
        Scheme scheme,
        District district,
        Scorecard scorecard,
        BulletinInfo info,
        BulletinSummary summary,
        bool draft)
    {
        var units = summary.Ranked;
        var data = new ScriptObject
        {
            ["scheme"] = SchemeOf(scheme),
            ["district"] = DistrictOf(district),
            ["bulletin"] = BulletinOf(info, scorecard, draft),
            ["scorecard"] = ScorecardOf(scheme, scorecard, units),
            ["summary"] = SummaryOf(summary),
            ["score_table"] = ScoreTableMarker,
            ["chart"] = ChartOf(units, scorecard.Available, summary.Threshold),
        };

        // The only function added to Scriban's builtins: quotes a value for the front matter,
        // so a clerk never has to escape a colon or a quote in a name.
        data.Import("yaml", new Func<object?, string>(YamlValue));
        return data;
    }

    private static ScriptObject SchemeOf(Scheme scheme)
    {
        var categories = new ScriptArray();
        foreach (var category in scheme.Categories)
        {
            categories.Add(new ScriptObject
            {
                ["number"] = category.Number,
                ["name"] = category.Name,
                ["max"] = Points.Format(category.Max),
                ["items"] = Array(category.Items.Select(ItemOf)),
            });
        }

        return new ScriptObject
        {
            ["year"] = scheme.Year,
            ["title"] = scheme.Title,
            ["authority"] = scheme.Authority,
            ["subject"] = BulletinInfo.Subject(scheme),
            ["max"] = Points.Format(scheme.Max),
            ["categories"] = categories,
            ["items"] = Array(scheme.Items.Select(ItemOf)),
        };
    }

    private static ScriptObject ItemOf(Item item) => new()
    {
        ["id"] = item.Id,
        ["category"] = item.Category,
        ["content"] = item.Content,
        ["method"] = item.Method,
        ["node"] = item.Node.ToChinese(),
        ["max"] = Points.Format(item.Max),
        ["topic"] = ItemTopic.Of(item),
    };

    private static ScriptObject DistrictOf(District district) => new()
    {
        ["id"] = district.Id,
        ["name"] = district.Name,
        ["government"] = district.Government,
        ["units"] = Array(district.Units.Select(u => new ScriptObject
        {
            ["id"] = u.Id,
            ["name"] = u.Name,
        })),
    };

    private static ScriptObject BulletinOf(BulletinInfo info, Scorecard scorecard, bool draft) => new()
    {
        ["kind"] = info.Kind,
        ["period"] = info.Period,
        ["title"] = info.Title,
        ["issuer"] = info.Issuer,
        ["issuer_mark"] = info.Issuer + "文件",
        ["number"] = info.Number,
        ["date"] = BulletinInfo.Chinese(info.Date),
        ["as_of"] = BulletinInfo.Chinese(scorecard.AsOf),
        ["as_of_iso"] = scorecard.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["recipients"] = Array(info.Recipients),
        ["recipients_line"] = string.Join("、", info.Recipients),
        ["signature"] = info.Signature,
        ["copy_to"] = Array(info.CopyTo),
        ["printed_by"] = info.PrintedBy,
        ["printed_date"] = BulletinInfo.Chinese(info.PrintedDate),
        ["draft"] = draft,
    };

    private static ScriptObject ScorecardOf(Scheme scheme, Scorecard scorecard, IReadOnlyList<UnitScore> ranked)
    {
        var pendingCount = ranked.Sum(u => u.Items.Count(i => i.Status == ItemStatus.Pending));
        return new ScriptObject
        {
            ["as_of"] = BulletinInfo.Chinese(scorecard.AsOf),
            ["available"] = Points.Format(scorecard.Available),
            ["available_value"] = scorecard.Available,
            ["pending"] = pendingCount > 0,
            ["due_items"] = scheme.Items.Count(i => i.IsDue(scorecard.AsOf)),
            ["units"] = Array(ranked.Select(u => UnitOf(scheme, u))),
            ["itemised"] = Array(Itemised(ranked).Select(u => UnitOf(scheme, u))),
        };
    }

    private static IEnumerable<UnitScore> Itemised(IReadOnlyList<UnitScore> ranked) =>
        ranked.Count <= ListedUnits
            ? ranked
            : ranked.Where(u => u.Deduction > 0).TakeLast(ItemisedUnits);

    /// <summary>One unit's scores as template data.</summary>
    internal static ScriptObject UnitOf(Scheme scheme, UnitScore unit)
    {
        var items = unit.Items.Select(i => new ScriptObject
        {
            ["id"] = i.Item.Id,
            ["topic"] = ItemTopic.Of(i.Item),
            ["status"] = StatusName(i.Status),
            ["max"] = Points.Format(i.Max),
            ["score"] = i.Score is { } s ? Points.Format(s) : "",
            ["deduction"] = i.Deduction is { } d ? Points.Format(d) : "",
            ["deductions"] = Array(i.Deductions.Where(l => l.Points > 0).Select(l => new ScriptObject
            {
                ["fact"] = l.Fact,
                ["label"] = BulletinSummary.Describe(i.Item.RuleFor(l.Fact), l.Fact, [l.Reason]),
                ["reason"] = l.Reason,
                ["points"] = Points.Format(l.Points),
            })),
        });

        var categories = scheme.Categories.Select(c =>
        {
            var scored = unit.Items.Where(i => i.Item.Category == c.Number && i.Status == ItemStatus.Scored).ToList();
            return new ScriptObject
            {
                ["number"] = c.Number,
                ["name"] = c.Name,
                ["score"] = Points.Format(scored.Sum(i => i.Score ?? 0)),
                ["available"] = Points.Format(scored.Sum(i => i.Max)),
                ["scored"] = scored.Count > 0,
            };
        });

        var lost = unit.Items
            .Where(i => i.Status == ItemStatus.Scored && i.Deduction > 0)
            .OrderByDescending(i => i.Deduction)
            .ThenBy(i => unit.Items.ToList().IndexOf(i))
            .Select(i => new ScriptObject
            {
                ["item"] = i.Item.Id,
                ["topic"] = ItemTopic.Of(i.Item),
                ["category"] = CategoryName(scheme, i.Item),
                ["points"] = Points.Format(i.Deduction ?? 0),
                ["reasons"] = Array(i.Deductions.Where(l => l.Points > 0).Select(l => l.Reason)),
                ["reason_line"] = string.Join("；", i.Deductions.Where(l => l.Points > 0).Select(l => l.Reason)),
            });

        return new ScriptObject
        {
            ["id"] = unit.Unit.Id,
            ["name"] = unit.Unit.Name,
            ["score"] = Points.Format(unit.Score),
            ["score_value"] = unit.Score,
            ["available"] = Points.Format(unit.Available),
            ["rank"] = unit.Rank,
            ["deduction"] = Points.Format(unit.Deduction),
            ["lost"] = unit.Deduction > 0,
            ["pending"] = Array(unit.Items.Where(i => i.Status == ItemStatus.Pending).Select(i => i.Item.Id)),
            ["items"] = Array(items),
            ["categories"] = Array(categories),
            ["main_deductions"] = Array(lost),
        };
    }

    private static ScriptObject SummaryOf(BulletinSummary summary) => new()
    {
        ["count"] = summary.Ranked.Count,
        ["list_units"] = summary.Ranked.Count <= ListedUnits,
        ["highest"] = Points.Format(summary.Highest),
        ["highest_units"] = Array(summary.HighestUnits.Select(u => u.Unit.Name)),
        ["lowest"] = Points.Format(summary.Lowest),
        ["lowest_units"] = Array(summary.LowestUnits.Select(u => u.Unit.Name)),
        ["average"] = Points.Format(summary.Average),
        ["threshold"] = Points.Format(summary.Threshold),
        ["threshold_percent"] = Points.Format(summary.ThresholdShare * 100),
        ["below"] = Array(summary.Below.Select(u => u.Unit.Name)),
        ["lost"] = Array(summary.Lost.Select(u => u.Unit.Name)),
        ["all_full"] = summary.Lost.Count == 0,
        ["frequent"] = Array(summary.Frequent.Select(f => new ScriptObject
        {
            ["item"] = f.ItemId,
            ["category"] = f.Category,
            ["topic"] = f.Topic,
            ["label"] = f.Label,
            ["units"] = Array(f.Units),
            ["unit_count"] = f.Units.Count,
            ["points"] = Points.Format(f.Points),
        })),
    };

    // Bars for the posting's SVG chart, laid out here so the template only draws them:
    // one row per unit in rank order, bar length in proportion to the points available.
    private static ScriptObject ChartOf(IReadOnlyList<UnitScore> ranked, decimal available, decimal threshold)
    {
        const int rowHeight = 36;
        const int labelWidth = 150;
        const int barSpace = 180;
        var bars = new ScriptArray();
        var index = 0;
        foreach (var unit in ranked)
        {
            var share = available == 0 ? 0 : unit.Score / available;
            bars.Add(new ScriptObject
            {
                ["name"] = unit.Unit.Name,
                ["score"] = Points.Format(unit.Score),
                ["rank"] = unit.Rank,
                ["y"] = index * rowHeight,
                ["text_y"] = index * rowHeight + 22,
                ["width"] = (int)Math.Round(share * barSpace),
                ["score_x"] = labelWidth + (int)Math.Round(share * barSpace) + 6,
                ["below"] = unit.Score < threshold,
            });
            index++;
        }
        return new ScriptObject
        {
            ["bars"] = bars,
            ["width"] = labelWidth + barSpace + 60,
            ["height"] = Math.Max(1, ranked.Count) * rowHeight,
            ["label_width"] = labelWidth,
            ["bar_space"] = barSpace,
        };
    }

    /// <summary>An item's category name, as sentences quote it.</summary>
    internal static string CategoryName(Scheme scheme, Item item) =>
        scheme.Categories.FirstOrDefault(c => c.Number == item.Category)?.Name ?? "";

    /// <summary>The template name of an item status: scored, pending, not-due.</summary>
    internal static string StatusName(ItemStatus status) => status switch
    {
        ItemStatus.Scored => "scored",
        ItemStatus.Pending => "pending",
        _ => "not-due",
    };

    private static ScriptArray Array<T>(IEnumerable<T> values)
    {
        var array = new ScriptArray();
        foreach (var value in values)
            array.Add(value);
        return array;
    }

    /// <summary>A string or list of strings as a YAML flow value (JSON is valid YAML).</summary>
    internal static string YamlValue(object? value) => value switch
    {
        null => "\"\"",
        string text => JsonSerializer.Serialize(text, Json),
        IEnumerable<object> list => JsonSerializer.Serialize(list.Select(o => o?.ToString() ?? "").ToList(), Json),
        _ => JsonSerializer.Serialize(value.ToString(), Json),
    };

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
