using System.Text;
using Notices.Core.Evidence;

namespace Notices.Core.Tests.Evidence;

/// <summary>Reads evidence text as a file would arrive, against the 2021 seed scheme.</summary>
internal static class EvidenceFiles
{
    public const string Header = "unit,item,fact,value,date,note,id,voids";

    public static IReadOnlyList<EvidenceRecord> Read(
        string text,
        IReadOnlySet<string>? knownIds = null,
        IReadOnlySet<string>? withdrawnIds = null) =>
        Read(Encoding.UTF8.GetBytes(text), knownIds, withdrawnIds);

    public static IReadOnlyList<EvidenceRecord> Read(
        byte[] bytes,
        IReadOnlySet<string>? knownIds = null,
        IReadOnlySet<string>? withdrawnIds = null)
    {
        using var stream = new MemoryStream(bytes);
        return EvidenceReader.Read(stream, "evidence.csv", Repo.Scheme2021, knownIds, withdrawnIds);
    }

    /// <summary>The problems reading <paramref name="text"/> raises, as the CLI prints them.</summary>
    public static IReadOnlyList<string> Problems(
        string text,
        IReadOnlySet<string>? knownIds = null,
        IReadOnlySet<string>? withdrawnIds = null)
    {
        var e = Assert.Throws<ProblemException>(() => Read(text, knownIds, withdrawnIds));
        return e.Problems.Select(p => p.ToString()).ToList();
    }
}
