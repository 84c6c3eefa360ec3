using System.Text.RegularExpressions;
using Notices.Documents.Layout;
using Notices.Documents.Pdf;
using Notices.Documents.Tests.Fonts;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Notices.Documents.Tests.Pdf;

public sealed partial class PdfWriterTests
{
    private const double A4Short = 595.28;
    private const double A4Long = 841.89;
    private const double PointsPerMm = 72 / 25.4;

    private static readonly Lazy<byte[]> Final = new(() => Write(draft: false));
    private static readonly Lazy<byte[]> Draft = new(() => Write(draft: true));

    [FontFact]
    public void BodyPages_AreA4Portrait_AndTheAttachmentIsOnLandscapeA4()
    {
        using var pdf = PdfDocument.Open(Final.Value);
        var pages = pdf.GetPages().ToList();

        Assert.True(pages.Count >= 4, $"{pages.Count} pages");
        var first = pages[0];
        Assert.Equal(A4Short, first.Width, 0.5);
        Assert.Equal(A4Long, first.Height, 0.5);
        var attachment = pages.Where(p => p.Text.Contains("附件2021年上半年", StringComparison.Ordinal)
            || p.Text.StartsWith("附件", StringComparison.Ordinal)).Last();
        Assert.Equal(A4Long, attachment.Width, 0.5);
        Assert.Equal(A4Short, attachment.Height, 0.5);
    }

    [FontFact]
    public void EveryUnitsScoreAndRank_CanBeReadBack()
    {
        var text = AllText(Final.Value);

        foreach (var (unit, score, rank) in SampleBulletin.Results)
        {
            Assert.Contains($"{unit}街道办事处得分{score}分，排名第{rank}", text, StringComparison.Ordinal);
        }

        Assert.Contains("得分98.695.291.787.4", text, StringComparison.Ordinal);
        Assert.Contains(SampleBulletin.Title, text, StringComparison.Ordinal);
        Assert.Contains("示政办发〔2021〕12号", text, StringComparison.Ordinal);
    }

    [FontFact]
    public void PageNumbers_ReadDashNumberDash_OddPagesRightEvenPagesLeft()
    {
        using var pdf = PdfDocument.Open(Final.Value);

        foreach (var page in pdf.GetPages())
        {
            var label = $"— {page.Number} —";
            Assert.Contains(label, page.Text, StringComparison.Ordinal);
            var dash = page.Letters.Last(l => l.Value == "—");
            var middle = page.Width / 2;
            if (page.Number % 2 == 1)
            {
                Assert.True(dash.BoundingBox.Left > middle, $"page {page.Number} number not right");
            }
            else
            {
                Assert.True(dash.BoundingBox.Right < middle, $"page {page.Number} number not left");
            }
        }
    }

    [FontFact]
    public void Fonts_AreEmbeddedAsSubsets()
    {
        using var pdf = PdfDocument.Open(Final.Value);

        var fonts = pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();

        Assert.True(fonts.Count >= 3, string.Join(", ", fonts));
        Assert.All(fonts, name => Assert.Matches(SubsetName(), name));
    }

    [FontFact]
    public void NoBodyLine_StartsWithClosingPunctuation_OrEndsWithOpeningPunctuation()
    {
        using var pdf = PdfDocument.Open(Final.Value);
        var checkedLines = 0;

        foreach (var page in pdf.GetPages().Where(p => p.Height > p.Width))
        {
            foreach (var line in Lines(page))
            {
                var text = string.Concat(line.Select(l => l.Value)).Trim();
                if (text.Length == 0 || text.StartsWith('—'))
                {
                    continue; // the page number "— N —"
                }

                checkedLines++;
                Assert.False(LineBreakRules.MayNotStartLine(text[0]), $"line starts badly: {text}");
                Assert.False(LineBreakRules.MayNotEndLine(text[^1]), $"line ends badly: {text}");
            }
        }

        Assert.True(checkedLines > 30, $"{checkedLines} lines checked");
    }

    [FontFact]
    public void BodyText_IsSixteenPoint_WithinTheMargins_AndJustified()
    {
        using var pdf = PdfDocument.Open(Final.Value);
        var page = pdf.GetPage(2);
        var body = page.Letters.Where(l => l.Value != " " && l.StartBaseLine.Y > 100).ToList();

        Assert.Equal(16, body.GroupBy(l => Math.Round(l.PointSize)).MaxBy(g => g.Count())!.Key);
        var left = body.Min(l => l.BoundingBox.Left) / PointsPerMm;
        var right = body.Max(l => l.BoundingBox.Right) / PointsPerMm;
        Assert.InRange(left, 27.5, 29);
        // Justified lines end at the right margin (210 - 26 = 184 mm).
        Assert.InRange(right, 182.5, 184.5);
    }

    [FontFact]
    public void IssuerMark_IsRed_AndCentred()
    {
        using var pdf = PdfDocument.Open(Final.Value);
        var page = pdf.GetPage(1);
        var mark = page.Letters
            .Where(l => "示例区人民政府办公室文件".Contains(l.Value, StringComparison.Ordinal)
                && l.PointSize > 25)
            .ToList();

        Assert.Equal(12, mark.Count);
        var (r, g, b) = mark[0].Color.ToRGBValues();
        Assert.True(r > 0.7 && g < 0.1 && b < 0.1, $"colour {r} {g} {b}");
        var centre = (mark.Min(l => l.BoundingBox.Left) + mark.Max(l => l.BoundingBox.Right)) / 2;
        var blockCentre = (28 + ((210 - 26 - 28) / 2.0)) * PointsPerMm;
        Assert.Equal(blockCentre, centre, 3.0);
    }

    [FontFact]
    public void TableHeader_IsRepeated_OnEveryAttachmentPage()
    {
        using var pdf = PdfDocument.Open(Final.Value);

        var landscape = pdf.GetPages().Where(p => p.Width > p.Height).ToList();

        Assert.True(landscape.Count >= 2, $"{landscape.Count} attachment pages");
        Assert.All(landscape, p =>
        {
            Assert.Contains("考核内容", p.Text, StringComparison.Ordinal);
            Assert.Contains("各街道得分城关新华兴达昌盛", p.Text, StringComparison.Ordinal);
        });
    }

    [FontFact]
    public void Metadata_NamesTitleAuthorSubjectAndCreator()
    {
        using var pdf = PdfDocument.Open(Final.Value);

        var info = pdf.Information;

        Assert.Equal(SampleBulletin.Title, info.Title);
        Assert.Equal("示例区人民政府办公室", info.Author);
        Assert.Equal("2021年上半年居住小区管理工作考核", info.Subject);
        Assert.Equal("Notices", info.Creator);
    }

    [FontFact]
    public void Draft_MarksEveryPage_AndTheFinalNone()
    {
        using var draft = PdfDocument.Open(Draft.Value);
        using var final = PdfDocument.Open(Final.Value);

        Assert.All(draft.GetPages(), p => Assert.Contains("征求意见稿", p.Text, StringComparison.Ordinal));
        Assert.All(final.GetPages(), p => Assert.DoesNotContain("征求意见稿", p.Text, StringComparison.Ordinal));
    }

    [FontFact]
    public void Imprint_IsOnTheLastPage_BetweenRules_AtTheFoot()
    {
        using var pdf = PdfDocument.Open(Final.Value);
        var last = pdf.GetPages().Last();

        Assert.Contains(
            "抄送：区委办公室，区人大常委会办公室，区政协办公室，市住房城乡建设局。",
            last.Text,
            StringComparison.Ordinal);
        var printed = last.Letters.Last(l => l.Value == "发");
        // The 印发日期 line sits just above the bottom margin (35 mm from the edge).
        var fromBottom = printed.StartBaseLine.Y / PointsPerMm;
        Assert.InRange(fromBottom, 26, 50);
    }

    [FontFact]
    public void EveryCharacterOfTheSample_HasAGlyph_InTheResolvedFonts()
    {
        var text = AllText(Final.Value);

        var missing = TestFonts.System.MissingGlyphs(text);

        Assert.False(missing.ContainsKey(Model.FontRole.Body), string.Join("", missing.Values.SelectMany(v => v)));
    }

    private static byte[] Write(bool draft)
    {
        var writer = new PdfWriter(TestFonts.System);
        using var output = new MemoryStream();
        writer.Write(SampleBulletin.Create(draft), output);
        return output.ToArray();
    }

    // The pages' text in order, without page numbers and spaces, so a sentence running
    // over a line or page break reads whole.
    private static string AllText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        return PageNumber().Replace(text, "").Replace(" ", "", StringComparison.Ordinal);
    }

    private static IEnumerable<List<Letter>> Lines(Page page) =>
        page.Letters
            .GroupBy(l => Math.Round(l.StartBaseLine.Y))
            .OrderByDescending(g => g.Key)
            .Select(g => g.OrderBy(l => l.StartBaseLine.X).ToList());

    [GeneratedRegex("— [0-9]+ —")]
    private static partial Regex PageNumber();

    [GeneratedRegex("^[A-Z]{6}\\+")]
    private static partial Regex SubsetName();
}
