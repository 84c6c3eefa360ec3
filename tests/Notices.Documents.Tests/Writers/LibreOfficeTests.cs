using Notices.Documents.Bulletins;
using Notices.Documents.Writers.Docx;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Notices.Documents.Tests.Writers;

public sealed class LibreOfficeTests(ITestOutputHelper output)
{
    [Fact]
    public void Docx_ConvertsToPdfInLibreOffice()
    {
        var soffice = ExternalTool.Find("soffice", "libreoffice");
        if (soffice is null)
        {
            // Skipping loudly: CI installs libreoffice-writer-nogui so this never skips there.
            output.WriteLine("SKIPPED: LibreOffice (soffice) is not installed; "
                + "apt-get install -y libreoffice-writer-nogui to run this check.");
            return;
        }

        using var folder = new TempFolder();
        var document = new BulletinComposer().Compose(Samples.Request("half-year"));
        var docx = folder.File("bulletin.docx");
        new DocxWriter().Write(document, docx);

        var (exit, log) = ExternalTool.Run(soffice,
            ["-env:UserInstallation=file://" + folder.File("profile"), "--headless", "--convert-to", "pdf",
             "--outdir", folder.Path, docx],
            TimeSpan.FromMinutes(3));
        output.WriteLine(log);

        var pdf = folder.File("bulletin.pdf");
        Assert.Equal(0, exit);
        Assert.True(File.Exists(pdf), "LibreOffice wrote no PDF");

        using var read = PdfDocument.Open(pdf);
        var text = string.Concat(read.GetPages().Select(p => p.Text));
        var pageSize = read.GetPage(1);
        output.WriteLine($"{read.NumberOfPages} pages");

        // A4 portrait first page: 595 × 842 pt.
        Assert.InRange(pageSize.Width, 594, 597);
        Assert.InRange(pageSize.Height, 841, 843);
        Assert.True(read.NumberOfPages >= 3, "the bulletin, its attachment and the 版记 need at least three pages");
        Assert.Contains("城关街道办事处", text, StringComparison.Ordinal);
    }
}
