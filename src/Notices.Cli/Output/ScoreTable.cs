using System.Globalization;
using System.Text;
using Notices.Core.Schemes;
using Notices.Core.Scoring;

namespace Notices.Cli.Output;

/// <summary>
/// The scorecard as the seed's table shows it: one row per item, one column per unit
/// (各街道得分), then the total, available and rank rows. One table per district.
/// </summary>
internal static class ScoreTable
{
    public static string Render(Scorecard card, District district)
    {
        var units = card.For(district);
        var header = new[] { "序号", "时间节点", "满分" }.Concat(units.Select(u => u.Unit.Id)).ToArray();
        var table = new TextTable(header).AlignRight(Enumerable.Range(2, header.Length - 2).ToArray());

        foreach (var category in card.Scheme.Categories)
        {
            table.Rule();
            foreach (var item in category.Items)
            {
                var row = new List<string> { item.Id, item.Node.ToChinese(), Number(item.Max) };
                row.AddRange(units.Select(u => Cell(u[item.Id])));
                table.Add(row.ToArray());
            }
        }

        table.Rule();
        table.Add(["得分", "", Number(card.Available), .. units.Select(u => Number(u.Score))]);
        table.Add(["可得分", "", "", .. units.Select(u => Number(u.Available))]);
        table.Add(["名次", "", "", .. units.Select(u => u.Rank.ToString(CultureInfo.InvariantCulture))]);

        var text = new StringBuilder();
        text.AppendLine($"{district.Name} {card.Scheme.Year}年度考核得分"
            + $"（截至{card.AsOf.Year}年{card.AsOf.Month}月{card.AsOf.Day}日）");
        text.Append(table);
        if (card.For(district).Any(u => u.Items.Any(i => i.Status == ItemStatus.Pending)))
            text.AppendLine("待评: a judged score is still to be given; the item counts in no total until it is.");
        return text.ToString();
    }

    private static string Cell(ItemScore item) => item.Status switch
    {
        ItemStatus.Scored => Number(item.Score!.Value),
        ItemStatus.Pending => "待评",
        _ => "—",
    };

    public static string Number(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
