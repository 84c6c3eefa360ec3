using System.Diagnostics;
using System.Globalization;
using System.Text;
using Notices.Core.Evidence;
using Notices.Core.Schemes;
using Notices.Core.Scoring;
using Notices.Documents.Bulletins;
using Notices.Documents.Posting;

namespace Notices.Benchmarks;

/// <summary>
/// Milliseconds per web posting (template to HTML) and for its CSV and JSON files, cold and
/// warm (median of many), and bytes per file.
/// </summary>
internal static class PostingBenchmark
{
    public static int Run(string[] args)
    {
        var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
        var kind = args.Length > 1 ? args[1] : "half-year";
        var root = Root();
        var scheme = SchemeLoader.Load(Path.Combine(root, "seeds", "scheme-2021.yaml"));
        var evidence = EvidenceReader.Read(Path.Combine(root, "seeds", "evidence-2021.csv"), scheme);
        var node = scheme.FindBulletin(kind)
            ?? throw new ArgumentException($"No bulletin kind {kind}; use half-year, q3 or annual.");
        var district = scheme.Districts[0];
        var card = Scorer.Score(scheme, evidence, node.Date);
        var request = new BulletinRequest(scheme, district, card, BulletinInfo.For(scheme, district, node),
            Path.Combine(root, "templates"));
        var renderer = new PostingRenderer();

        var html = "";
        var cold = Time(() => html = renderer.Render(request));
        Console.WriteLine($"posting {kind}: html cold {cold:0.0} ms, {Encoding.UTF8.GetByteCount(html)} bytes");

        var htmlWarm = new List<double>();
        var dataWarm = new List<double>();
        var csv = "";
        var json = "";
        for (var i = 0; i < iterations; i++)
        {
            htmlWarm.Add(Time(() => html = renderer.Render(request)));
            dataWarm.Add(Time(() =>
            {
                csv = ScoreExport.Csv(scheme, card.For(district));
                json = ScoreExport.JsonText(scheme, district, card, request.Info);
            }));
        }

        Console.WriteLine($"warm ({iterations} runs, median / min):");
        Console.WriteLine($"  html       {Median(htmlWarm),6:0.00} / {htmlWarm.Min(),6:0.00} ms  "
            + $"{Encoding.UTF8.GetByteCount(html)} bytes");
        Console.WriteLine($"  csv + json {Median(dataWarm),6:0.00} / {dataWarm.Min(),6:0.00} ms  "
            + $"{Encoding.UTF8.GetByteCount(csv)} + {Encoding.UTF8.GetByteCount(json)} bytes");
        return 0;
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Root()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Notices.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Notices.sln not found above the program.");
    }
}
