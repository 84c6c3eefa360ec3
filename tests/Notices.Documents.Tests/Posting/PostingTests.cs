using Notices.Core.Schemes;
using Notices.Core.Scoring;
using Notices.Documents.Bulletins;
using Notices.Documents.Posting;

namespace Notices.Documents.Tests.Posting;

public sealed class PostingTests
{
    private const string Hostile = "<script>&\"'";

    // The seed scheme with 城关's full name replaced by markup, so every place that prints a
    // unit name is exercised.
    private static BulletinRequest HostileRequest()
    {
        var seed = Samples.Scheme;
        var district = seed.Districts[0];
        var units = district.Units.Select(u => u.Id == "城关" ? u with { Name = Hostile } : u).ToList();
        var hostileDistrict = district with { Units = units };
        var scheme = new Scheme(seed.Year, seed.Title, seed.Authority, seed.Categories, [hostileDistrict],
            seed.Bulletins, seed.Notes);
        var node = scheme.FindBulletin("half-year")!;
        var card = Scorer.Score(scheme, Samples.Evidence, node.Date);
        return new BulletinRequest(scheme, hostileDistrict, card, BulletinInfo.For(scheme, hostileDistrict, node),
            Repository.Path("templates"));
    }

    [Fact]
    public void Posting_EscapesEveryField()
    {
        using var folder = new TempFolder();

        var rendered = new BulletinRenderer(pdf: null).Render(HostileRequest(), folder.Path);
        var html = File.ReadAllText(rendered.Files["html"]);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;&amp;&quot;&#39;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Posting_IsSelfContained()
    {
        using var folder = new TempFolder();

        var rendered = new BulletinRenderer(pdf: null).Render(Samples.Request("half-year"), folder.Path);
        var html = File.ReadAllText(rendered.Files["html"]);

        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", html, StringComparison.Ordinal);
        foreach (var unit in Samples.District.Units)
            Assert.Contains(unit.Name, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_QuotesAndNeutralisesHostileNames()
    {
        var request = HostileRequest();

        var csv = ScoreExport.Csv(request.Scheme, request.Scorecard.For(request.District));

        Assert.Contains("\"<script>&\"\"'\"", csv, StringComparison.Ordinal);
        Assert.StartsWith("rank,unit,name,score,available,deduction,item 1.1", csv, StringComparison.Ordinal);
        Assert.Equal(5, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Json_CarriesEveryUnitWithRankAndScore()
    {
        var request = Samples.Request("half-year");

        using var json = System.Text.Json.JsonDocument.Parse(
            ScoreExport.JsonText(request.Scheme, request.District, request.Scorecard, request.Info));
        var units = json.RootElement.GetProperty("units").EnumerateArray().ToList();

        Assert.Equal(62m, json.RootElement.GetProperty("available").GetDecimal());
        Assert.Equal(4, units.Count);
        Assert.Equal(1, units[0].GetProperty("rank").GetInt32());
        Assert.Equal(20, units[0].GetProperty("items").GetArrayLength());
        Assert.Equal(request.Scorecard["城关"].Score, units.Single(u => u.GetProperty("unit").GetString() == "城关")
            .GetProperty("score").GetDecimal());
    }
}
