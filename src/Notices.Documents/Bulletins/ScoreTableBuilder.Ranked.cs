using System.Globalization;
using Notices.Core.Schemes;
using Notices.Core.Scoring;
using Notices.Documents.Model;

namespace Notices.Documents.Bulletins;

public static partial class ScoreTableBuilder
{
    // A category's merged header cell may take this many lines before its columns are widened.
    private const int CategoryLines = 4;

    // The 街道 column grows with the short names up to this many characters; longer ones wrap.
    private const double LongestName = 6;

    /// <summary>
    /// The scored table for more units than fit as columns, as a bureau issues it for many units:
    /// one row per unit in rank order (ties in scheme order), so a reader finds a unit by its
    /// place as in the body's ranking; columns 排名, 街道 (the unit's short name), one per item
    /// headed by its number under a merged cell per category (its name and 满分), and 总分.
    /// The two header rows repeat on every page. Columns are as wide as their text needs, and a
    /// category's columns widen where its name would take more than four lines; the writers
    /// then stretch them to the page.
    /// </summary>
    /// <param name="scheme">The scheme whose items head the columns.</param>
    /// <param name="units">The units, one row each, in any order.</param>
    /// <param name="layout">The page layout the table is drawn for; GB/T 9704 when null.</param>
    /// <exception cref="InvalidOperationException">A unit has no score for one of the items.</exception>
    public static Table RankedTable(Scheme scheme, IReadOnlyList<UnitScore> units, OfficialLayout? layout = null)
    {
        layout ??= OfficialLayout.Gb9704;
        var ranked = units.OrderBy(u => u.Rank).ToList();
        var categories = scheme.Categories.Where(c => c.Items.Count > 0).ToList();
        var items = categories.SelectMany(c => c.Items).ToList();

        var rankWidth = Millimetres(layout, Math.Max(Ems("排名"), Ems(Number(ranked.Count))));
        var nameWidth = Millimetres(layout, Math.Min(LongestName,
            ranked.Select(u => Ems(u.Unit.Id)).Append(Ems("街道")).Max()));
        var totalWidth = Millimetres(layout,
            ranked.Select(u => Ems(Points.Format(u.Score))).Append(Ems("总分")).Max());
        var itemWidths = items
            .Select(i => Millimetres(layout, ranked.Select(u => Ems(ScoreText(u[i.Id]))).Append(Ems(i.Id)).Max()))
            .ToArray();
        var room = layout.LandscapePage.TextWidthMm - rankWidth - nameWidth - totalWidth;
        var widths = new List<double> { rankWidth, nameWidth };
        widths.AddRange(CategoryWidths(categories, itemWidths, room, layout));
        widths.Add(totalWidth);

        var rows = new List<TableRow>();
        var top = new List<TableCell> { Header("排名", rowSpan: 2), Header("街道", rowSpan: 2) };
        top.AddRange(categories.Select(c => Header(CategoryLabel(c), columnSpan: c.Items.Count)));
        top.Add(Header("总分", rowSpan: 2));
        rows.Add(new TableRow(top, CanSplit: false));
        rows.Add(new TableRow(items.Select(i => Header(i.Id)).ToList(), CanSplit: false));

        foreach (var unit in ranked)
        {
            var cells = new List<TableCell> { TableCell.Of(Number(unit.Rank)), TableCell.Of(unit.Unit.Id) };
            cells.AddRange(items.Select(i => TableCell.Of(ScoreText(unit[i.Id]))));
            cells.Add(TableCell.Of(Points.Format(unit.Score), header: true));
            rows.Add(new TableRow(cells, CanSplit: false));
        }

        return new Table(widths, rows, HeaderRows: 2);
    }

    /// <summary>
    /// What the ranked table's item numbers stand for: a paragraph per category naming it with
    /// its 满分, then each item's number, short topic (<see cref="ItemTopic"/>), 时间节点 and
    /// maximum. The node tells apart items of one topic at two nodes (seed items 2.3 and 2.4).
    /// </summary>
    /// <param name="scheme">The scheme whose items are named.</param>
    public static IReadOnlyList<Paragraph> Legend(Scheme scheme)
    {
        var paragraphs = new List<Paragraph> { Text("表中考核项目序号对应的考核内容如下：") };
        foreach (var category in scheme.Categories.Where(c => c.Items.Count > 0))
        {
            var items = category.Items.Select(i =>
                $"{i.Id} {ItemTopic.Of(i)}（{NodeText(i.Node)}，满分{Points.Format(i.Max)}分）");
            paragraphs.Add(Text($"{CategoryLabel(category)}：{string.Join("；", items)}。"));
        }

        return paragraphs;
    }

    private static string NodeText(Node node) =>
        node.IsQuarterly ? "每季度末" : $"{Number(node.Month)}月{Number(node.Day)}日";

    private static Paragraph Text(string text) =>
        Paragraph.Of(ParagraphRole.TableText, text) with { Alignment = TextAlignment.Start };

    private static string CategoryLabel(Category category) =>
        $"{Number(category.Number)}.{category.Name}（满分{Points.Format(category.Max)}分）";

    // Each category's item columns, widened evenly where the category's name would need more
    // than CategoryLines lines over them. When that leaves no room for the rest (many narrow
    // categories), the names are allowed more lines, up to twice as many, before the writers
    // shrink every column to the page.
    private static double[] CategoryWidths(
        IReadOnlyList<Category> categories, double[] itemWidths, double room, OfficialLayout layout)
    {
        var widths = itemWidths;
        for (var lines = CategoryLines; lines <= 2 * CategoryLines; lines++)
        {
            widths = (double[])itemWidths.Clone();
            var first = 0;
            foreach (var category in categories)
            {
                var count = category.Items.Count;
                var have = widths.Skip(first).Take(count).Sum();
                var needed = Millimetres(layout, (Ems(CategoryLabel(category)) / lines) + 1);
                for (var i = first; i < first + count && have < needed; i++)
                    widths[i] += (needed - have) / count;
                first += count;
            }

            if (widths.Sum() <= room)
                break;
        }

        return widths;
    }

    // A column wide enough for so many ems of table text inside its padding.
    private static double Millimetres(OfficialLayout layout, double ems) =>
        (ems * layout.TableSizePt / PageSetup.PointsPerMm) + (2 * layout.CellPaddingMm);

    // The ems a line takes at the table size: ideographs and full-width forms (the — mark
    // among them) one each, digits, Latin letters and ASCII punctuation half, as the
    // fallback faces set them. An estimate for choosing widths; the writers measure.
    private static double Ems(string text) => text.Sum(c => c < '\u2000' ? 0.5 : 1.0);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
