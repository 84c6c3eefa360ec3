using Notices.Documents.Bulletins;
using Notices.Documents.Model;

namespace Notices.Documents.Tests.Bulletins;

/// <summary>
/// The body of a 100-unit district's bulletin: units are counted rather than named in
/// sentences, and the deductions are spelled out for the lowest ten only.
/// </summary>
public sealed class LargeDistrictTextTests
{
    [Theory]
    [InlineData("half-year")]
    [InlineData("q3")]
    [InlineData("annual")]
    public void HundredUnits_AreCountedInSentences_NotListed(string kind)
    {
        var request = CitySamples.Request(100, kind);

        var body = new BulletinComposer().Compose(request).Body.OfType<Paragraph>()
            .Where(p => p.Role == ParagraphRole.Body).Select(p => p.Text).ToList();

        Assert.Contains(body, p =>
            p.Contains("考核对象为东城区100个街道办事处。", StringComparison.Ordinal));
        Assert.DoesNotContain(body, p => p.Contains("依次为", StringComparison.Ordinal));
        Assert.Contains(body, p => p.Contains("各街道办事处得分和排名见下表", StringComparison.Ordinal));

        // Only the units below the threshold (and, in the annual bulletin, the best) are named
        // in a list; no sentence names them all.
        var units = request.District.Units.Select(u => u.Name).ToList();
        var summary = BulletinSummary.Of(request.Scorecard, request.District);
        var most = summary.Below.Count + summary.HighestUnits.Count;
        // The generated year leaves about half the units below the threshold: far from all.
        Assert.InRange(most, 1, units.Count * 3 / 4);
        Assert.All(body, p => Assert.True(units.Count(p.Contains) <= most,
            $"{units.Count(p.Contains)} units named in: {p[..Math.Min(40, p.Length)]}…"));
    }

    [Fact]
    public void HundredUnits_SpellOutTheDeductionsOfTheLowestTenWhoLostPoints()
    {
        var request = CitySamples.Request(100);
        var lowest = BulletinSummary.Of(request.Scorecard, request.District).Ranked
            .Where(u => u.Deduction > 0).TakeLast(BulletinData.ItemisedUnits).Select(u => u.Unit.Name).ToList();

        var itemised = new BulletinComposer().Compose(request).Body.OfType<Paragraph>()
            .Where(p => p.Runs.Count > 1 && p.Runs[0].Bold).Select(p => p.Runs[0].Text).ToList();

        Assert.Equal(lowest, itemised);
    }
}
