using System.Globalization;
using Notices.Core.Evidence;
using Notices.Core.Schemes;
using Notices.Core.Scoring;
using Notices.Documents.Bulletins;

namespace Notices.Documents.Tests;

/// <summary>The seed scheme, the sample evidence and their scorecards, from the repository.</summary>
internal static class Samples
{
    private static readonly Lazy<Scheme> SeedScheme =
        new(() => SchemeLoader.Load(Repository.Path("seeds/scheme-2021.yaml")));

    private static readonly Lazy<IReadOnlyList<EvidenceRecord>> SeedEvidence =
        new(() => ReadEvidence(Repository.Path("seeds/evidence-2021.csv")));

    public static Scheme Scheme => SeedScheme.Value;

    public static District District => Scheme.Districts[0];

    public static IReadOnlyList<EvidenceRecord> Evidence => SeedEvidence.Value;

    public static BulletinNode Node(string kind) => Scheme.FindBulletin(kind)!;

    public static Scorecard Scorecard(string kind) => Scorer.Score(Scheme, Evidence, Node(kind).Date);

    public static BulletinRequest Request(string kind, bool draft = false, string? templates = null)
    {
        var node = Node(kind);
        return new BulletinRequest(Scheme, District, Scorer.Score(Scheme, Evidence, node.Date),
            BulletinInfo.For(Scheme, District, node), templates ?? Repository.Path("templates"), draft);
    }

    /// <summary>
    /// Reads the sample evidence file. The seed file is plain comma-separated UTF-8 without
    /// quoting, so a split is enough here; the product's reader lives in Notices.Core.
    /// </summary>
    private static List<EvidenceRecord> ReadEvidence(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        var records = new List<EvidenceRecord>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
                continue;
            var f = lines[i].Split(',');
            string? Get(string name) => Col(name) is var c and >= 0 && c < f.Length && f[c].Length > 0 ? f[c] : null;
            var value = Get("value");
            var date = Get("date");
            records.Add(new EvidenceRecord(
                Get("unit"), Get("item"), Get("fact"),
                value is null ? null : decimal.Parse(value, CultureInfo.InvariantCulture),
                date is null ? null : DateOnly.ParseExact(date, ["yyyy-MM-dd", "yyyy/M/d", "yyyy年M月d日"],
                    CultureInfo.InvariantCulture),
                Get("note"), Get("id"), Get("voids"),
                new RecordSource(Path.GetFileName(path), i + 1)));
        }
        return records;
    }
}
