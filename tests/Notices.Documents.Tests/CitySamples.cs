using System.Collections.Concurrent;
using System.Text;
using Notices.Core.Evidence;
using Notices.Core.Samples;
using Notices.Core.Schemes;
using Notices.Core.Scoring;
using Notices.Documents.Bulletins;

namespace Notices.Documents.Tests;

/// <summary>
/// One generated district of a given size: the seed's items and rules, units named as
/// <see cref="CityGenerator"/> names them (东城001, 东城区第1街道办事处), a year of its evidence.
/// </summary>
internal static class CitySamples
{
    private static readonly ConcurrentDictionary<int, Lazy<(Scheme Scheme, IReadOnlyList<EvidenceRecord> Evidence)>>
        Districts = new();

    public static Scheme Scheme(int units) => District(units).Scheme;

    public static BulletinRequest Request(int units, string kind = "half-year")
    {
        var (scheme, evidence) = District(units);
        var district = scheme.Districts[0];
        var node = scheme.FindBulletin(kind)!;
        return new BulletinRequest(scheme, district, Scorer.Score(scheme, evidence, node.Date),
            BulletinInfo.For(scheme, district, node), Repository.Path("templates"), Draft: false);
    }

    private static (Scheme Scheme, IReadOnlyList<EvidenceRecord> Evidence) District(int units) =>
        Districts.GetOrAdd(units, n => new(() => Generate(n))).Value;

    private static (Scheme, IReadOnlyList<EvidenceRecord>) Generate(int units)
    {
        var yaml = CityGenerator.SchemeYaml(Repository.Path("seeds/scheme-2021.yaml"), 1, units);
        var scheme = SchemeLoader.Parse(new StringReader(yaml), "city.yaml");
        var csv = new StringWriter();
        CityGenerator.WriteEvidence(scheme, units * 20, seed: 2021, csv);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
        return (scheme, EvidenceReader.Read(stream, "city.csv", scheme));
    }
}
