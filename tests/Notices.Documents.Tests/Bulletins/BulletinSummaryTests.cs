using Notices.Core.Scoring;
using Notices.Documents.Bulletins;

namespace Notices.Documents.Tests.Bulletins;

public sealed class BulletinSummaryTests
{
    [Fact]
    public void Annual_SummarisesTheSampleScores()
    {
        var card = Samples.Scorecard("annual");
        var units = card.For(Samples.District);

        var summary = BulletinSummary.Of(card, Samples.District);

        Assert.Equal(units.Max(u => u.Score), summary.Highest);
        Assert.Equal(units.Min(u => u.Score), summary.Lowest);
        Assert.Equal(Math.Round(units.Average(u => u.Score), 1, MidpointRounding.AwayFromZero), summary.Average);
        Assert.Equal(90m, summary.Threshold);
        Assert.All(summary.Below, u => Assert.True(u.Score < 90m));
        Assert.Equal(summary.Ranked.Select(u => u.Rank), summary.Ranked.Select(u => u.Rank).Order());
    }

    [Fact]
    public void FrequentDeductions_PutTheMostSharedFirst()
    {
        var summary = BulletinSummary.Of(Samples.Scorecard("annual"), Samples.District);

        Assert.InRange(summary.Frequent.Count, 1, 5);
        var counts = summary.Frequent.Select(f => f.Units.Count).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
        Assert.DoesNotContain(summary.Frequent, f => f.Label.Contains("{n}", StringComparison.Ordinal));
    }

    [Fact]
    public void ThresholdShare_IsConfigurable()
    {
        var card = Samples.Scorecard("half-year");

        var summary = BulletinSummary.Of(card, Samples.District, thresholdShare: 0.5m);

        Assert.Equal(31m, summary.Threshold);
        Assert.Empty(summary.Below);
    }
}
