using Notices.Documents.Bulletins;
using Notices.Documents.Pdf;
using Notices.Documents.Tests.Fonts;
using UglyToad.PdfPig;

namespace Notices.Documents.Tests.Pdf;

/// <summary>The three real bulletins, composed from the templates and the seed evidence.</summary>
public sealed class BulletinPdfTests
{
    [FontTheory]
    [InlineData("half-year")]
    [InlineData("q3")]
    [InlineData("annual")]
    public void Bulletin_NamesEveryUnitWithItsScoreAndRank_InTheRankingTable(string kind)
    {
        var request = Samples.Request(kind);
        var document = new BulletinComposer().Compose(request);
        using var output = new MemoryStream();

        new PdfWriter(TestFonts.System).Write(document, output);

        using var pdf = PdfDocument.Open(output.ToArray());
        var text = string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
        var units = request.Scorecard.For(request.District);
        Assert.NotEmpty(units);
        foreach (var unit in units)
        {
            var row = $"{unit.Rank}{unit.Unit.Name}{Points.Format(unit.Score)}{Points.Format(unit.Deduction)}";
            Assert.Contains(row, text, StringComparison.Ordinal);
        }

        Assert.True(pdf.GetPages().Last().Width > pdf.GetPages().Last().Height, "attachment is landscape");
        Assert.Contains("— 1 —", pdf.GetPage(1).Text, StringComparison.Ordinal);
    }
}
