using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Notices.Documents.Bulletins;
using Notices.Documents.Writers.Docx;
using Xunit.Abstractions;
using TableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using WordTable = DocumentFormat.OpenXml.Wordprocessing.Table;

namespace Notices.Documents.Tests.Writers;

/// <summary>The DOCX of a 100-unit district: the ranked table in a landscape section.</summary>
public sealed class RankedTableDocxTests(ITestOutputHelper output)
{
    private const int Units = 100;

    [Fact]
    public void HundredUnitBulletin_HasNoValidationErrors()
    {
        using var stream = Render();

        DocxValidity.AssertValid(stream, output);
    }

    [Fact]
    public void RankedTable_FillsTheLandscapeTextBlock_WithTwoRepeatingHeaderRows()
    {
        using var stream = Render();
        using var package = WordprocessingDocument.Open(stream, false);
        var body = package.MainDocumentPart!.Document!.Body!;
        var table = body.Descendants<WordTable>().Single(t => t.InnerText.Contains("总分", StringComparison.Ordinal)
            && t.InnerText.Contains("东城001", StringComparison.Ordinal));
        var rows = table.Elements<TableRow>().ToList();

        Assert.Equal(2 + Units, rows.Count);
        Assert.All(rows.Take(2), r => Assert.NotNull(r.TableRowProperties!.GetFirstChild<TableHeader>()));
        Assert.All(rows.Skip(2), r => Assert.Null(r.TableRowProperties!.GetFirstChild<TableHeader>()));

        // 排名, 街道, 20 items, 总分; every row covers them all.
        var grid = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(g => int.Parse(g.Width!.Value!,
            System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(23, grid.Count);
        Assert.All(rows, r => Assert.Equal(grid.Count, r.Elements<TableCell>()
            .Sum(c => c.TableCellProperties?.GridSpan?.Val?.Value ?? 1)));

        // The section the table ends is landscape A4, and the grid is its 225 mm text width.
        var section = table.ElementsAfter().OfType<Paragraph>()
            .Select(p => p.ParagraphProperties?.SectionProperties).First(s => s is not null)!;
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal(PageOrientationValues.Landscape, size.Orient!.Value);
        Assert.InRange(grid.Sum(), 12756 - 23, 12756);
    }

    private static MemoryStream Render()
    {
        var document = new BulletinComposer().Compose(CitySamples.Request(Units));
        var stream = new MemoryStream();
        new DocxWriter().Write(document, stream);
        stream.Position = 0;
        return stream;
    }
}
