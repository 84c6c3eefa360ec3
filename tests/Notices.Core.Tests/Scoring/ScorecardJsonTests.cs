using System.Text.Json.Nodes;
using Notices.Core.Evidence;
using Notices.Core.Scoring;

namespace Notices.Core.Tests.Scoring;

public class ScorecardJsonTests
{
    [Fact]
    public void Compact_IsTheIndentedJsonWithoutItsWhiteSpace()
    {
        var scheme = Repo.Scheme2021;
        var evidence = EvidenceReader.Read(Repo.Path("seeds/evidence-2021.csv"), scheme);
        var card = Scorer.Score(scheme, evidence, new DateOnly(2021, 12, 25));

        var indented = ScorecardJson.ToJson(card);
        var compact = ScorecardJson.ToJson(card, indented: false);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(indented), JsonNode.Parse(compact)));
        Assert.DoesNotContain('\n', compact);
        Assert.Contains('\n', indented);
        Assert.True(compact.Length * 2 < indented.Length, $"{compact.Length} of {indented.Length} characters");
        Assert.Contains("\"unit\":\"城关\"", compact, StringComparison.Ordinal);
    }
}
