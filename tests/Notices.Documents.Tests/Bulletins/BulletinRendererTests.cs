using System.Text.Json;
using Notices.Core;
using Notices.Core.Scoring;
using Notices.Documents.Bulletins;
using Notices.Documents.Pdf;
using Notices.Documents.Tests.Fonts;
using UglyToad.PdfPig;

namespace Notices.Documents.Tests.Bulletins;

public sealed class BulletinRendererTests
{
    [Fact]
    public void Render_WritesEveryFileAndTheManifest()
    {
        using var folder = new TempFolder();

        var rendered = new BulletinRenderer(pdf: null).Render(Samples.Request("half-year"), folder.Path);

        var expected = Path.Combine(folder.Path, "2021", "half-year", "shili");
        Assert.Equal(expected, rendered.Folder);
        foreach (var name in new[] { "bulletin.docx", "index.html", "scores.csv", "scores.json", "manifest.json" })
            Assert.True(File.Exists(Path.Combine(expected, name)), name);
        Assert.Empty(Directory.GetFiles(expected, "*.tmp"));

        // The CSV opens in Excel as UTF-8 only with a byte order mark; JSON and HTML have none.
        byte[] bom = [0xEF, 0xBB, 0xBF];
        var csv = File.ReadAllBytes(Path.Combine(expected, "scores.csv"));
        Assert.Equal(bom, csv[..3]);
        Assert.Contains("城关", System.Text.Encoding.UTF8.GetString(csv[3..]), StringComparison.Ordinal);
        Assert.Equal((byte)'{', File.ReadAllBytes(Path.Combine(expected, "scores.json"))[0]);
        Assert.NotEqual(bom, File.ReadAllBytes(Path.Combine(expected, "index.html"))[..3]);

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(expected, "manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal("half-year", root.GetProperty("kind").GetString());
        Assert.Equal("shili", root.GetProperty("district").GetString());
        Assert.Equal(2021, root.GetProperty("year").GetInt32());
        Assert.Equal("2021-06-25", root.GetProperty("asOf").GetString());
        Assert.Equal("示政办发〔2021〕12号", root.GetProperty("number").GetString());
        Assert.False(root.GetProperty("draft").GetBoolean());
        Assert.Equal("bulletin.docx", root.GetProperty("files").GetProperty("docx").GetString());
    }

    [Fact]
    public void PendingItem_RefusesAFinalBulletin()
    {
        using var folder = new TempFolder();
        var request = Samples.Request("annual");
        var evidence = Samples.Evidence.Where(r => !(r.Fact == "spot_check" && r.Unit == "城关")).ToList();
        var card = Scorer.Score(Samples.Scheme, evidence, request.Scorecard.AsOf);
        Assert.True(card.HasPending);

        var e = Assert.Throws<NoticesRefusedException>(() =>
            new BulletinRenderer(pdf: null).Render(request with { Scorecard = card }, folder.Path));

        Assert.Contains("城关街道办事处: 6.1", e.Message, StringComparison.Ordinal);
        Assert.Contains("--draft", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void PendingItem_RendersAsADraft()
    {
        using var folder = new TempFolder();
        var request = Samples.Request("annual", draft: true);
        var evidence = Samples.Evidence.Where(r => !(r.Fact == "spot_check" && r.Unit == "城关")).ToList();
        var card = Scorer.Score(Samples.Scheme, evidence, request.Scorecard.AsOf);

        var rendered = new BulletinRenderer(pdf: null).Render(request with { Scorecard = card }, folder.Path);

        Assert.True(rendered.Document.IsDraft);
        Assert.Contains(ScoreTableBuilder.PendingMark,
            Notices.Documents.Writers.DocumentText.Flatten(rendered.Document), StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(File.ReadAllText(rendered.Files["manifest"]));
        Assert.True(manifest.RootElement.GetProperty("draft").GetBoolean());
    }

    [FontFact]
    public void Render_WritesThePdfBesideTheDocx()
    {
        using var folder = new TempFolder();

        var rendered = new BulletinRenderer(new PdfWriter(TestFonts.System)).Render(Samples.Request("q3"), folder.Path);

        using var pdf = PdfDocument.Open(rendered.Files["pdf"]);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("关于2021年第三季度", text, StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(File.ReadAllText(rendered.Files["manifest"]));
        Assert.Equal("bulletin.pdf", manifest.RootElement.GetProperty("files").GetProperty("pdf").GetString());
    }

    [Fact]
    public void FailingWriter_LeavesNoHalfFile()
    {
        using var folder = new TempFolder();

        Assert.Throws<IOException>(() => BulletinRenderer.WriteAtomically(folder.Path, "bulletin.pdf", s =>
        {
            s.Write("%PDF-half"u8);
            throw new IOException("disk full");
        }));

        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void TemplateError_NamesTheTemplateFile()
    {
        using var folder = new TempFolder();
        using var templates = new TempFolder();
        foreach (var file in Directory.GetFiles(Repository.Path("templates")))
            File.Copy(file, templates.File(Path.GetFileName(file)));
        File.WriteAllText(templates.File("q3.md"), "---\nissuer: x\n---\n# 标题\n\n{{ scorecard.unts[0].name }}\n");

        var e = Assert.Throws<ProblemException>(() =>
            new BulletinRenderer(pdf: null).Render(Samples.Request("q3", templates: templates.Path), folder.Path));

        Assert.EndsWith("q3.md", e.Problems[0].File, StringComparison.Ordinal);
        Assert.Equal(6, e.Problems[0].Line);
    }
}
