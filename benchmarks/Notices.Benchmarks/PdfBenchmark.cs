using System.Diagnostics;
using System.Globalization;
using Notices.Core.Evidence;
using Notices.Core.Samples;
using Notices.Core.Schemes;
using Notices.Core.Scoring;
using Notices.Documents.Bulletins;
using Notices.Documents.Fonts;
using Notices.Documents.Model;
using Notices.Documents.Pdf;
using Notices.Documents.Writers.Docx;

namespace Notices.Benchmarks;

/// <summary>
/// Milliseconds per bulletin for the PDF and DOCX writers, cold (first document in the
/// process: fonts resolved and read, code jitted) and warm (median of many), and bytes per
/// file. Target (issue 3 item 10): DOCX and PDF of a 3-page bulletin together in 15 ms warm
/// on one core. With a unit count it renders a generated district of that many units (the
/// seed's items, <see cref="CityGenerator"/> evidence) instead of the seed district.
/// </summary>
internal static class PdfBenchmark
{
    public static int Run(string[] args)
    {
        var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
        var kind = args.Length > 1 ? args[1] : "half-year";
        var units = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0;
        var root = FindRoot();
        var clock = Stopwatch.StartNew();

        var (scheme, evidence) = units > 0 ? Generated(root, units) : Seed(root);
        var node = scheme.FindBulletin(kind)
            ?? throw new ArgumentException($"No bulletin kind {kind}; use half-year, q3 or annual.");
        var district = scheme.Districts[0];
        var request = new BulletinRequest(scheme, district, Scorer.Score(scheme, evidence, node.Date),
            BulletinInfo.For(scheme, district, node), Path.Combine(root, "templates"), Draft: false);
        var document = new BulletinComposer().Compose(request);
        Console.WriteLine($"bulletin {kind}, {district.Units.Count} units: "
            + $"composed in {clock.Elapsed.TotalMilliseconds:0.0} ms (cold)");

        clock.Restart();
        var fonts = FontSet.Resolve();
        Console.WriteLine($"fonts resolved in {clock.Elapsed.TotalMilliseconds:0.0} ms");
        Console.WriteLine(fonts.Report);

        var pdf = new PdfWriter(fonts, TimeProvider.System);
        var docx = new DocxWriter();
        var pdfCold = Time(() => Write(pdf.Write, document), out var pdfBytes);
        var docxCold = Time(() => Write(docx.Write, document), out var docxBytes);
        Console.WriteLine($"cold: pdf {pdfCold:0.0} ms, docx {docxCold:0.0} ms");
        Console.WriteLine($"pdf pages: {Pages(pdf, document)}");
        if (args.Length > 3)
        {
            // A folder to keep the files in, to look at what was timed.
            Directory.CreateDirectory(args[3]);
            using (var file = File.Create(Path.Combine(args[3], "bulletin.pdf")))
                pdf.Write(document, file);
            using (var file = File.Create(Path.Combine(args[3], "bulletin.docx")))
                docx.Write(document, file);
        }

        var pdfWarm = new List<double>();
        var docxWarm = new List<double>();
        var composeWarm = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            pdfWarm.Add(Time(() => Write(pdf.Write, document), out _));
            docxWarm.Add(Time(() => Write(docx.Write, document), out _));
            composeWarm.Add(Time(() => new BulletinComposer().Compose(request).Body.Count, out _));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        Write(pdf.Write, document);
        var pdfAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        Write(docx.Write, document);
        var docxAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine($"allocated per document, warm: pdf {pdfAllocated / 1048576.0:0.0} MB, "
            + $"docx {docxAllocated / 1048576.0:0.0} MB");

        Console.WriteLine($"warm ({iterations} runs, median / min):");
        Print("  pdf ", pdfWarm, pdfBytes);
        Print("  docx", docxWarm, docxBytes);
        Print("  compose (template + Markdown)", composeWarm, 0);
        var together = Median(pdfWarm) + Median(docxWarm);
        Console.WriteLine($"  pdf + docx: {together:0.0} ms (target 15 ms)");
        return 0;
    }

    private static (Scheme Scheme, IReadOnlyList<EvidenceRecord> Evidence) Seed(string root)
    {
        var scheme = SchemeLoader.Load(Path.Combine(root, "seeds", "scheme-2021.yaml"));
        return (scheme, EvidenceReader.Read(Path.Combine(root, "seeds", "evidence-2021.csv"), scheme));
    }

    // One district of the given size, about 20 evidence rows a unit as in the seed.
    private static (Scheme Scheme, IReadOnlyList<EvidenceRecord> Evidence) Generated(string root, int units)
    {
        var folder = Path.Combine(Path.GetTempPath(), "notices-pdf-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var schemePath = Path.Combine(folder, "district.yaml");
            File.WriteAllText(schemePath,
                CityGenerator.SchemeYaml(Path.Combine(root, "seeds", "scheme-2021.yaml"), 1, units));
            var scheme = SchemeLoader.Load(schemePath);
            var evidencePath = Path.Combine(folder, "district.csv");
            using (var writer = new StreamWriter(evidencePath))
                CityGenerator.WriteEvidence(scheme, units * 20, seed: 2021, writer);
            return (scheme, EvidenceReader.Read(evidencePath, scheme));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Notices.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName
            ?? throw new InvalidOperationException("Notices.sln not found above the program.");
    }

    // PDFsharp writes each page object uncompressed: count the "/Type /Page" entries.
    private static int Pages(PdfWriter pdf, OfficialDocument document)
    {
        using var output = new MemoryStream();
        pdf.Write(document, output);
        var text = System.Text.Encoding.Latin1.GetString(output.ToArray());
        return System.Text.RegularExpressions.Regex.Count(text, @"/Type\s*/Page(?![s\w])");
    }

    private static long Write(Action<OfficialDocument, Stream> write, OfficialDocument document)
    {
        using var output = new MemoryStream();
        write(document, output);
        return output.Length;
    }

    private static double Time(Func<long> action, out long result)
    {
        var clock = Stopwatch.StartNew();
        result = action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static void Print(string what, List<double> values, long bytes)
    {
        var size = bytes > 0 ? $", {bytes / 1024.0:0.0} KB" : "";
        Console.WriteLine($"{what}: {Median(values):0.00} / {values.Min():0.00} ms{size}");
    }
}
