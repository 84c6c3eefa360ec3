using System.Globalization;
using Notices.Documents.Bulletins;
using Notices.Documents.Model;

namespace Notices.Documents.Tests.Bulletins;

/// <summary>
/// The attachment's table: the seed's layout (a column per unit) while the units fit, the
/// ranked table (a row per unit) for a larger district.
/// </summary>
public sealed class ScoreTableBuilderTests
{
    private const int Items = 20;

    [Fact]
    public void Gb9704LandscapeTextBlock_HoldsEightUnitColumns()
    {
        Assert.Equal(8, ScoreTableBuilder.MostUnitColumns(OfficialLayout.Gb9704));
    }

    [Fact]
    public void SeedDistrict_KeepsTheSeedLayout_AColumnPerUnit()
    {
        var request = Samples.Request("half-year");

        var table = FirstTable(request);

        Assert.Equal(5 + 4, table.ColumnWidths.Count);
        Assert.Contains(table.Rows[0].Cells, c => c.Text == "各街道得分");
        Assert.Equal(["城关", "新华", "兴达", "昌盛"], table.Rows[1].Cells.Select(c => c.Text));
    }

    [Theory]
    [InlineData(8, false)]
    [InlineData(9, true)]
    [InlineData(100, true)]
    public void District_GetsTheRankedTable_AboveEightUnits(int units, bool ranked)
    {
        var table = FirstTable(CitySamples.Request(units));

        Assert.Equal(ranked, table.Rows[0].Cells.Any(c => c.Text == "排名"));
        Assert.Equal(ranked ? 2 + Items + 1 : 5 + units, table.ColumnWidths.Count);
        Assert.Equal(ranked ? 2 + units : 2 + Items + 1, table.Rows.Count);
    }

    [Fact]
    public void RankedTable_HasARowPerUnit_InRankOrder_WithEachItemsMark()
    {
        var request = CitySamples.Request(100);
        var units = request.Scorecard.For(request.District);
        var items = request.Scheme.Items;

        var body = FirstTable(request).Rows.Skip(2).ToList();

        Assert.Equal(units.Select(u => u.Unit.Id).Order(), body.Select(r => r.Cells[1].Text).Order());
        var ranks = body.Select(r => int.Parse(r.Cells[0].Text, CultureInfo.InvariantCulture));
        Assert.Equal(ranks.Order(), ranks);
        foreach (var row in body)
        {
            var unit = units.Single(u => u.Unit.Id == row.Cells[1].Text);
            var expected = new[] { unit.Rank.ToString(CultureInfo.InvariantCulture), unit.Unit.Id }
                .Concat(items.Select(i => ScoreTableBuilder.ScoreText(unit[i.Id])))
                .Append(Points.Format(unit.Score));
            Assert.Equal(expected, row.Cells.Select(c => c.Text));
        }

        // The half-year node: item 1.3 (due 9.25) shows the not-due mark in every row.
        var column = 2 + items.ToList().FindIndex(i => i.Id == "1.3");
        Assert.All(body, r => Assert.Equal(ScoreTableBuilder.NotDueMark, r.Cells[column].Text));
    }

    [Fact]
    public void RankedHeader_PutsEachItemNumberUnderItsCategory_AndRepeats()
    {
        var request = CitySamples.Request(100);

        var table = FirstTable(request);

        Assert.Equal(2, table.HeaderRows);
        var categories = table.Rows[0].Cells.Where(c => c.RowSpan == 1).ToList();
        Assert.Equal(request.Scheme.Categories.Select(c => c.Items.Count), categories.Select(c => c.ColumnSpan));
        Assert.StartsWith(
            "2.推进物业服务企业和项目经理信用体系建设（满分24分）",
            categories[1].Text,
            StringComparison.Ordinal);
        Assert.Equal(request.Scheme.Items.Select(i => i.Id), table.Rows[1].Cells.Select(c => c.Text));
        var places = table.Place();
        Assert.Equal("1.1", places.Single(p => p.Row == 1 && p.Column == 2).Cell.Text);
        Assert.Equal("总分", places.Single(p => p.Row == 0 && p.Column == 2 + Items).Cell.Text);
    }

    [Fact]
    public void RankedTable_FitsTheLandscapeTextBlock_SoWritersOnlyWidenIt()
    {
        var table = FirstTable(CitySamples.Request(100));

        var width = OfficialLayout.Gb9704.LandscapePage.TextWidthMm;
        Assert.InRange(table.ColumnWidths.Sum(), width * 0.9, width);

        // An item column holds 5.7 (one and a half ems at 10.5 pt, 5.6 mm) inside its 3 mm padding.
        Assert.All(table.ColumnWidths.Skip(2).Take(Items), w => Assert.True(w >= 8.5, $"{w:0.0} mm"));
    }

    [Fact]
    public void Legend_NamesEveryItem_WithItsTopicNodeAndMaximum()
    {
        var request = CitySamples.Request(100);

        var legend = ScoreTableBuilder.Build(request.Scheme, request.Scorecard.For(request.District),
            request.Scorecard.AsOf).OfType<Paragraph>().Select(p => p.Text).ToList();

        var text = string.Concat(legend);
        foreach (var item in request.Scheme.Items)
            Assert.Contains($"{item.Id} {ItemTopic.Of(item)}（", text, StringComparison.Ordinal);
        Assert.Contains(
            "2.3 组织街道办事处(乡镇政府)及时记录不良行为信息（6月25日，满分6分）",
            text,
            StringComparison.Ordinal);
        Assert.Contains(
            "6.推进居住小区垃圾分类工作（满分10分）：6.1 ", text, StringComparison.Ordinal);
        Assert.Equal(1 + 1 + request.Scheme.Categories.Count, legend.Count);
    }

    [Fact]
    public void SeedDistrict_HasNoLegend()
    {
        var request = Samples.Request("half-year");

        var blocks = Build(request);

        Assert.DoesNotContain(blocks.OfType<Paragraph>(), p =>
            p.Text.Contains("考核内容如下", StringComparison.Ordinal));
    }

    private static IReadOnlyList<Block> Build(BulletinRequest request) =>
        ScoreTableBuilder.Build(request.Scheme, request.Scorecard.For(request.District), request.Scorecard.AsOf);

    private static Table FirstTable(BulletinRequest request) => Assert.IsType<Table>(Build(request)[0]);
}
