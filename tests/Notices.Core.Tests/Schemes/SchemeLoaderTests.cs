using Notices.Core.Schemes;

namespace Notices.Core.Tests.Schemes;

public class SchemeLoaderTests
{
    [Fact]
    public void SeedScheme_HasSixCategoriesTwentyItemsAndFourUnits()
    {
        var scheme = Repo.Scheme2021;

        Assert.Equal(2021, scheme.Year);
        Assert.Equal([20m, 24m, 14m, 20m, 12m, 10m], scheme.Categories.Select(c => c.Max));
        Assert.Equal(20, scheme.Items.Count);
        Assert.Equal(100m, scheme.Max);
        Assert.Equal(["城关", "新华", "兴达", "昌盛"], scheme.Units.Select(u => u.Id));
        Assert.Equal(["half-year", "q3", "annual"], scheme.Bulletins.Select(b => b.Kind));
        Assert.Equal(7, scheme.Notes.Count);
    }

    [Fact]
    public void SeedScheme_KeepsTheTablesWordsAndItsInconsistencies()
    {
        var scheme = Repo.Scheme2021;

        // Seed item 1.1 keeps "报送后2分" as written; the reading is a note.
        Assert.Contains("5月10日后报送后2分", scheme.FindItem("1.1")!.Method, StringComparison.Ordinal);
        Assert.NotEmpty(scheme.FindItem("1.1")!.Notes);
        Assert.Equal("化解物业管理纠纷矛盾", scheme.Categories[3].Name);
        Assert.Equal(Node.On(12, 25), scheme.FindItem("5.3")!.Node);
        Assert.Equal(Node.On(6, 25), scheme.FindItem("2.3")!.Node);
        Assert.True(scheme.FindItem("4.3")!.Node.IsQuarterly);
    }

    [Theory]
    [InlineData("1.1", "submitted")]
    [InlineData("1.4", "submitted,unpublished")]
    [InlineData("2.1", "submitted,unrecorded,unflagged")]
    [InlineData("5.2", "unpublicized,submitted,bad_tender")]
    [InlineData("6.1", "stale_ledger,no_plan,no_method,not_implemented,late_info,target_missed,spot_check,submitted")]
    public void SeedItems_ReadTheSpecsFacts(string itemId, string facts)
    {
        Assert.Equal(facts.Split(','), Repo.Scheme2021.FindItem(itemId)!.Facts);
    }

    [Fact]
    public void NodeDates_AreItemNodesAndQuarterEnds()
    {
        var dates = Repo.Scheme2021.NodeDates()
            .Select(d => d.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(["03-31", "04-25", "05-10", "06-25", "06-30", "09-25", "09-30", "12-25", "12-31"], dates);
    }

    [Fact]
    public void BrokenScheme_ReportsEveryProblemWithItsLine()
    {
        var yaml = """
            year: 2021
            title: t
            authority: a
            facts:
              submitted: submission
              found: counted
            bulletins: []
            categories:
              - number: 1
                name: c
                max: 90
                items:
                  - id: "1.1"
                    node: 02-30
                    max: 4
                    content: x
                    method: y
                    rules:
                      - { fact: submitted, late: 2, missing: 5 }
                      - { fact: unknown, each: 0.3 }
                    colour: red
            districts: []
            """;

        var e = Assert.Throws<ProblemException>(() => SchemeLoader.Parse(new StringReader(yaml), "bad.yaml"));
        var lines = e.Problems.Select(p => p.ToString()).ToList();

        Assert.Contains(
            "bad.yaml:6: facts.found: \"counted\" is not a fact kind; "
            + "write submission, count, flag or judged",
            lines);
        Assert.Contains(
            "bad.yaml:14: categories[0].items[0].node: \"02-30\" is not a day of 2021; "
            + "write MM-DD (e.g. 06-25) or quarterly",
            lines);
        Assert.Contains(
            "bad.yaml:19: categories[0].items[0].rules[0].missing: 5 is more than the item's maximum of 4",
            lines);
        Assert.Contains(lines, l => l.StartsWith(
            "bad.yaml:20: categories[0].items[0].rules[1].fact: \"unknown\" is not declared",
            StringComparison.Ordinal));
        Assert.Contains(
            "bad.yaml:21: categories[0].items[0].colour: unknown key; "
            + "expected one of id, node, max, content, method, notes, rules",
            lines);
        Assert.Contains(
            "bad.yaml:11: categories[0].max: category 1 is worth 90 but its items add up to 0; "
            + "make them agree",
            lines);
    }

    [Fact]
    public void NotYaml_SaysWhere()
    {
        var e = Assert.Throws<ProblemException>(
            () => SchemeLoader.Parse(new StringReader("year: [2021\ntitle: x"), "s.yaml"));

        Assert.StartsWith("s.yaml:", e.Problems[0].ToString(), StringComparison.Ordinal);
        Assert.Contains("not valid YAML", e.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_SaysHowToGiveIt()
    {
        var e = Assert.Throws<ProblemException>(() => SchemeLoader.Load("/nowhere/scheme.yaml"));

        Assert.Contains("--scheme", e.Problems[0].Message, StringComparison.Ordinal);
    }
}
