using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Notices.Documents.Bulletins;
using Notices.Documents.Model;
using Notices.Documents.Writers.Docx;
using Xunit.Abstractions;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;

namespace Notices.Documents.Tests.Writers;

public sealed class DocxWriterTests(ITestOutputHelper output)
{
    private static MemoryStream Render(string kind = "half-year", bool draft = false)
    {
        var document = new BulletinComposer().Compose(Samples.Request(kind, draft));
        var stream = new MemoryStream();
        new DocxWriter().Write(document, stream);
        stream.Position = 0;
        return stream;
    }

    [Theory]
    [InlineData("half-year", false)]
    [InlineData("q3", false)]
    [InlineData("annual", true)]
    public void Bulletin_HasNoValidationErrors(string kind, bool draft)
    {
        using var stream = Render(kind, draft);

        DocxValidity.AssertValid(stream, output);
    }

    [Fact]
    public void FirstSection_IsA4WithGb9704Margins()
    {
        using var stream = Render();
        using var package = WordprocessingDocument.Open(stream, false);

        var sections = package.MainDocumentPart!.Document!.Descendants<SectionProperties>().ToList();
        var first = sections[0];
        var size = first.GetFirstChild<PageSize>()!;
        var margin = first.GetFirstChild<PageMargin>()!;

        // 210 × 297 mm; top 37, bottom 35, left 28, right 26 mm (GB/T 9704 §5.2.1), in twips.
        Assert.Equal(11906u, size.Width!.Value);
        Assert.Equal(16838u, size.Height!.Value);
        Assert.Equal(2098, margin.Top!.Value);
        Assert.Equal(1984, margin.Bottom!.Value);
        Assert.Equal(1587u, margin.Left!.Value);
        Assert.Equal(1474u, margin.Right!.Value);
    }

    [Fact]
    public void Attachment_IsALandscapeSection()
    {
        using var stream = Render();
        using var package = WordprocessingDocument.Open(stream, false);

        var sizes = package.MainDocumentPart!.Document!.Descendants<SectionProperties>()
            .Select(s => s.GetFirstChild<PageSize>()!).ToList();

        Assert.Contains(sizes, s => s.Orient?.Value == PageOrientationValues.Landscape
            && s.Width!.Value == 16838u && s.Height!.Value == 11906u);
    }

    [Fact]
    public void Styles_NameTheOfficialFontsAndSizes()
    {
        using var stream = Render();
        using var package = WordprocessingDocument.Open(stream, false);
        var styles = package.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>()
            .ToDictionary(s => s.StyleId!.Value!);

        string EastAsia(string id) => styles[id].StyleRunProperties!.RunFonts!.EastAsia!.Value!;
        string Size(string id) => styles[id].StyleRunProperties!.FontSize!.Val!.Value!;

        Assert.Equal("方正小标宋简体", EastAsia("Title"));
        Assert.Equal("44", Size("Title"));
        Assert.Equal("仿宋_GB2312", EastAsia("BodyText"));
        Assert.Equal("32", Size("BodyText"));
        Assert.Equal("黑体", EastAsia("Heading1"));
        Assert.Equal("楷体_GB2312", EastAsia("Heading2"));
        Assert.NotNull(styles["Heading3"].StyleRunProperties!.Bold);
        Assert.Equal("C00000", styles["IssuerMark"].StyleRunProperties!.Color!.Val!.Value);

        // 22 lines: exactly 28.95 pt between baselines.
        var spacing = styles["BodyText"].StyleParagraphProperties!.SpacingBetweenLines!;
        Assert.Equal("579", spacing.Line!.Value);
        Assert.Equal(LineSpacingRuleValues.Exact, spacing.LineRule!.Value);
    }

    [Fact]
    public void FontTable_GivesEachOfficialFontAnAlternative()
    {
        using var stream = Render();
        using var package = WordprocessingDocument.Open(stream, false);
        var fonts = package.MainDocumentPart!.FontTablePart!.Fonts!.Elements<Font>()
            .ToDictionary(f => f.Name!.Value!, f => f.AltName?.Val?.Value);

        Assert.Equal("仿宋", fonts["仿宋_GB2312"]);
        Assert.Equal("楷体", fonts["楷体_GB2312"]);
        Assert.NotNull(fonts["方正小标宋简体"]);
    }

    [Fact]
    public void Paragraphs_UseTheRoleStyles()
    {
        using var stream = Render();
        using var package = WordprocessingDocument.Open(stream, false);
        var used = package.MainDocumentPart!.Document!.Descendants<ParagraphStyleId>()
            .Select(s => s.Val!.Value).ToHashSet();

        foreach (var id in new[] { "Title", "Recipient", "BodyText", "Heading1", "Heading2", "Signature",
            "Date", "AttachmentNote", "IssuerMark", "DocumentNumber", "Imprint" })
            Assert.Contains(id, used);
    }

    [Fact]
    public void Footers_CarryAPageFieldOddRightEvenLeft()
    {
        using var stream = Render();
        using var package = WordprocessingDocument.Open(stream, false);
        var main = package.MainDocumentPart!;
        var section = main.Document!.Descendants<SectionProperties>().First();
        var references = section.Elements<FooterReference>().ToDictionary(r => r.Type!.Value, r => r.Id!.Value!);

        Footer FooterOf(HeaderFooterValues type) => ((FooterPart)main.GetPartById(references[type])).Footer!;
        var odd = FooterOf(HeaderFooterValues.Default);
        var even = FooterOf(HeaderFooterValues.Even);

        Assert.NotNull(main.DocumentSettingsPart!.Settings!.GetFirstChild<EvenAndOddHeaders>());
        foreach (var footer in new[] { odd, even })
        {
            Assert.Contains(footer.Descendants<FieldCode>(), f => f.Text.Trim() == "PAGE");
            Assert.StartsWith("— ", footer.Descendants<Text>().First().Text);
            Assert.EndsWith(" —", footer.Descendants<Text>().Last().Text);
        }
        Assert.Equal(JustificationValues.Right, odd.Descendants<Justification>().Single().Val!.Value);
        Assert.Equal(JustificationValues.Left, even.Descendants<Justification>().Single().Val!.Value);
    }

    [Fact]
    public void ScoreTable_RepeatsItsHeaderAndMergesCategoryCells()
    {
        using var stream = Render();
        using var package = WordprocessingDocument.Open(stream, false);
        var table = package.MainDocumentPart!.Document!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>()
            .Single(t => t.InnerText.Contains("各街道得分", StringComparison.Ordinal));
        var rows = table.Elements<TableRow>().ToList();

        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.NotNull(rows[1].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.Null(rows[2].TableRowProperties!.GetFirstChild<TableHeader>());

        // Category 1 (five items): its 序号 cell restarts a merge on row 3 and continues four rows.
        var firstColumn = rows.Skip(2).Take(5).Select(r
            => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().First()).ToList();
        Assert.Equal(MergedCellValues.Restart, firstColumn[0].TableCellProperties!.VerticalMerge!.Val!.Value);
        Assert.All(firstColumn.Skip(1), c => Assert.Equal(MergedCellValues.Continue,
            c.TableCellProperties!.VerticalMerge!.Val?.Value ?? MergedCellValues.Continue));

        // Every row covers the same number of grid columns.
        var columns = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count();
        Assert.All(rows, r => Assert.Equal(columns, r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>()
            .Sum(c => c.TableCellProperties?.GridSpan?.Val?.Value ?? 1)));
    }

    [Fact]
    public void Draft_PutsTheDraftMarkInEveryPageHeader()
    {
        using var stream = Render(draft: true);
        using var package = WordprocessingDocument.Open(stream, false);
        var main = package.MainDocumentPart!;

        foreach (var section in main.Document!.Descendants<SectionProperties>())
        {
            var ids = section.Elements<HeaderReference>().Select(r => r.Id!.Value!).ToList();
            Assert.Equal(2, ids.Count);
            Assert.All(ids, id => Assert.Contains(OfficialLayout.Gb9704.DraftMark,
                ((HeaderPart)main.GetPartById(id)).Header!.InnerText, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Metadata_CarriesTitleAndAuthor()
    {
        using var stream = Render();
        using var package = WordprocessingDocument.Open(stream, false);

        Assert.Equal(
            "关于2021年上半年街道办事处居住小区管理工作考核情况的通报",
            package.PackageProperties.Title);
        Assert.Equal("示例区人民政府办公室", package.PackageProperties.Creator);
    }
}
