using Notices.Core.Schemes;
using Notices.Core.Scoring;
using Notices.Documents.Model;

namespace Notices.Documents.Bulletins;

/// <summary>
/// Draws the bulletin's attachment. While the units fit as columns (<see cref="MostUnitColumns"/>)
/// it is the scheme's 考核表 with every unit's score filled in (the 各街道得分 columns), as
/// the seed lays it out: 序号 and 考核工作 merged over their category's rows, a 时间节点 cell
/// merged over neighbouring rows of the same node (seed items 2.2-2.3, 3.1-3.2, 3.3-3.4),
/// a two-row header that repeats on every page, and the 得分 total row. For more units it is
/// the ranked table (<see cref="RankedTable"/>): a row per unit, a column per item.
/// </summary>
public static partial class ScoreTableBuilder
{
    /// <summary>What a cell shows for an item not yet due at the as-of date.</summary>
    public const string NotDueMark = "—";

    /// <summary>What a cell shows for an item whose judged score is still to come.</summary>
    public const string PendingMark = "待评";

    // Relative widths of 序号, 考核工作, 时间节点, 考核内容, 评分办法, then each unit.
    private static readonly double[] FixedColumns = [3.0, 8.5, 6.2, 30, 24.5];
    private const double UnitColumn = 5.5;

    /// <summary>
    /// The table, the note under it explaining the marks and, for the ranked table, the
    /// legend of item numbers.
    /// </summary>
    /// <param name="scheme">The scheme whose table is drawn.</param>
    /// <param name="units">The units, in scheme order.</param>
    /// <param name="asOf">The as-of date, for the note.</param>
    /// <param name="layout">The page layout the table is drawn for; GB/T 9704 when null.</param>
    public static IReadOnlyList<Block> Build(
        Scheme scheme, IReadOnlyList<UnitScore> units, DateOnly asOf, OfficialLayout? layout = null)
    {
        layout ??= OfficialLayout.Gb9704;
        var ranked = units.Count > MostUnitColumns(layout);
        var blocks = new List<Block> { ranked ? RankedTable(scheme, units, layout) : Table(scheme, units) };
        var marks = units.SelectMany(u => u.Items).Select(i => i.Status).ToHashSet();
        var notes = new List<string>();
        if (marks.Contains(ItemStatus.NotDue))
            notes.Add($"“{NotDueMark}”表示截至{asOf.Month}月{asOf.Day}日"
                + "尚未到时间节点、不计分的项目");
        if (marks.Contains(ItemStatus.Pending))
            notes.Add($"“{PendingMark}”表示尚待评定、暂不计分的项目");
        if (notes.Count > 0)
            blocks.Add(Paragraph.Of(ParagraphRole.TableText, "注：" + string.Join("；", notes) + "。", false)
                with { Alignment = TextAlignment.Start });
        if (ranked)
            blocks.AddRange(Legend(scheme));
        return blocks;
    }

    /// <summary>
    /// How many units the seed layout takes before its unit columns get too narrow to read:
    /// each unit column must hold two characters at the table size (a two-character short
    /// name such as 城关, or the 待评 mark) inside its padding. On GB/T 9704's landscape text
    /// block (225 mm) a unit column is 5.5 / (72.2 + 5.5 n) of it, which holds the 10.4 mm
    /// two characters and padding need up to n = 8; the 考核内容 column is then 58 mm,
    /// about 15 characters a line.
    /// </summary>
    /// <param name="layout">The page layout; the attachment prints on its landscape page.</param>
    public static int MostUnitColumns(OfficialLayout layout)
    {
        var width = layout.LandscapePage.TextWidthMm;
        var needed = Millimetres(layout, 2);
        var units = ((UnitColumn * width / needed) - FixedColumns.Sum()) / UnitColumn;
        return Math.Max(1, (int)Math.Floor(units));
    }

    /// <summary>The scored table alone, in the seed's layout: items as rows, a column per unit.</summary>
    public static Table Table(Scheme scheme, IReadOnlyList<UnitScore> units)
    {
        var fixedColumns = FixedColumns;
        var widths = fixedColumns.Concat(units.Select(_ => UnitColumn)).ToList();
        var rows = new List<TableRow>
        {
            new(
            [
                Header("序号", rowSpan: 2),
                Header("考核工作（分数）", rowSpan: 2),
                Header("时间节点", rowSpan: 2),
                Header("考核内容", rowSpan: 2),
                Header("评分办法", rowSpan: 2),
                Header("各街道得分", columnSpan: Math.Max(1, units.Count)),
            ], CanSplit: false),
            new(units.Select(u => Header(u.Unit.Id)).ToList(), CanSplit: false),
        };

        foreach (var category in scheme.Categories)
        {
            var items = category.Items;
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var cells = new List<TableCell>();
                if (i == 0)
                {
                    cells.Add(TableCell.Of(category.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        rowSpan: items.Count));
                    cells.Add(TableCell.Of($"{category.Name}（满分{Points.Format(category.Max)}分）",
                        rowSpan: items.Count));
                }
                if (i == 0 || !SameNode(items[i - 1], item))
                    cells.Add(TableCell.Of(item.Node.ToChinese(), rowSpan: NodeRun(items, i)));
                cells.Add(TableCell.Of(item.Content, TextAlignment.Justify));
                cells.Add(TableCell.Of(item.Method, TextAlignment.Justify));
                cells.AddRange(units.Select(u => TableCell.Of(ScoreText(u[item.Id]))));
                rows.Add(new TableRow(cells));
            }
        }

        var total = new List<TableCell> { Header("得分", columnSpan: fixedColumns.Length) };
        total.AddRange(units.Select(u => TableCell.Of(Points.Format(u.Score), header: true)));
        rows.Add(new TableRow(total, CanSplit: false));

        return new Table(widths, rows, HeaderRows: 2);
    }

    /// <summary>A unit's cell for one item: the score, — when not due, 待评 when pending.</summary>
    public static string ScoreText(ItemScore score) => score.Status switch
    {
        ItemStatus.Scored => Points.Format(score.Score ?? 0),
        ItemStatus.Pending => PendingMark,
        _ => NotDueMark,
    };

    private static TableCell Header(string text, int rowSpan = 1, int columnSpan = 1) =>
        TableCell.Of(text, TextAlignment.Center, rowSpan, columnSpan, header: true);

    private static bool SameNode(Item a, Item b) => a.Node == b.Node;

    private static int NodeRun(IReadOnlyList<Item> items, int start)
    {
        var end = start + 1;
        while (end < items.Count && SameNode(items[start], items[end]))
            end++;
        return end - start;
    }
}
