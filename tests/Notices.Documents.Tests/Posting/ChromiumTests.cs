using Notices.Documents.Bulletins;
using Notices.Documents.Tests.Writers;
using Xunit.Abstractions;

namespace Notices.Documents.Tests.Posting;

public sealed class ChromiumTests(ITestOutputHelper output)
{
    [Fact]
    public void Posting_RendersOnAPhoneSizedScreen()
    {
        var chromium = ExternalTool.Find("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome");
        if (chromium is null)
        {
            // Skipping loudly: CI installs Debian's chromium so this never skips there.
            output.WriteLine("SKIPPED: Chromium is not installed; apt-get install -y chromium to run this check.");
            return;
        }

        using var folder = new TempFolder();
        var rendered = new BulletinRenderer(pdf: null).Render(Samples.Request("half-year"), folder.Path);
        var screenshot = folder.File("posting.png");

        var (exit, log) = ExternalTool.Run(chromium,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + folder.File("profile"), "--screenshot=" + screenshot,
            "--window-size=390,844", new Uri(rendered.Files["html"]).AbsoluteUri,
        ], TimeSpan.FromMinutes(2));
        output.WriteLine(log);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(screenshot), "Chromium wrote no screenshot");
        var bytes = File.ReadAllBytes(screenshot);

        // A PNG, and more than a blank page compresses to.
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        Assert.True(bytes.Length > 20_000, $"the screenshot is only {bytes.Length} bytes: nothing drawn?");
    }
}
