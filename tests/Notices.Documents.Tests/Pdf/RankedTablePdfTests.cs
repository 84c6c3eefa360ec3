using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Notices.Documents.Bulletins;
using Notices.Documents.Pdf;
using Notices.Documents.Tests.Fonts;
using UglyToad.PdfPig;

namespace Notices.Documents.Tests.Pdf;

/// <summary>
/// The bulletin of a 100-unit district, read back by poppler's pdftotext: the ranked table
/// takes a few landscape pages, and every unit's row reads as one line of its marks.
/// </summary>
public sealed class RankedTablePdfTests : IDisposable
{
    private const int Units = 100;

    private readonly string _folder = Directory.CreateTempSubdirectory("notices-ranked-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [ToolFact("pdftotext", "poppler-utils")]
    public void HundredUnits_TakeAFewLandscapePages_HeaderOnEach()
    {
        var (pdf, _) = Write();

        var landscape = LandscapePages(pdf);

        // 100 rows of about 7 mm under a 30 mm header: 17 a page, so six pages and the legend.
        Assert.InRange(landscape.Count, 6, 8);
        var tablePages = landscape.Where(p => Regex.IsMatch(Text(pdf, p), @"东城\d{3}")).ToList();
        Assert.InRange(tablePages.Count, 6, 7);
        Assert.All(tablePages, p => Assert.Matches(@"排名\s+街道", Text(pdf, p)));
        Assert.All(tablePages, p => Assert.Matches(@"1\.1\s+1\.2\s+1\.3", Text(pdf, p)));
    }

    [ToolFact("pdftotext", "poppler-utils")]
    public void EveryUnitsRow_ReadsBackAsRankNameMarksAndTotal_OnOneLine()
    {
        var (pdf, request) = Write();
        var landscape = LandscapePages(pdf);
        var lines = landscape.SelectMany(p => Text(pdf, p).Split('\n'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();

        var units = request.Scorecard.For(request.District);
        Assert.Equal(Units, units.Count);
        foreach (var unit in units)
        {
            var expected = new[] { unit.Rank.ToString(CultureInfo.InvariantCulture), unit.Unit.Id }
                .Concat(request.Scheme.Items.Select(i => ScoreTableBuilder.ScoreText(unit[i.Id])))
                .Append(Points.Format(unit.Score))
                .ToList();
            Assert.Contains(lines, l => l.SequenceEqual(expected));
        }
    }

    [ToolFact("pdftotext", "poppler-utils")]
    public void Legend_NamesEveryItemNumber_AfterTheTable()
    {
        var (pdf, request) = Write();

        var text = string.Concat(LandscapePages(pdf).Select(p => Text(pdf, p)));

        var legend = text.IndexOf("考核内容如下", StringComparison.Ordinal);
        Assert.True(legend > 0, "the legend follows the table");
        foreach (var item in request.Scheme.Items)
            Assert.Contains($"{item.Id} ", text[legend..], StringComparison.Ordinal);
    }

    private (string Pdf, BulletinRequest Request) Write()
    {
        var request = CitySamples.Request(Units);
        var document = new BulletinComposer().Compose(request);
        var path = Path.Combine(_folder, "bulletin.pdf");
        using (var file = File.Create(path))
            new PdfWriter(TestFonts.System).Write(document, file);
        return (path, request);
    }

    private static List<int> LandscapePages(string pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Where(p => p.Width > p.Height).Select(p => p.Number).ToList();
    }

    private static string Text(string pdf, int page)
    {
        var start = new ProcessStartInfo("pdftotext")
        {
            ArgumentList = { "-layout", "-f", $"{page}", "-l", $"{page}", pdf, "-" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return text;
    }
}
