using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Notices.Cli.Tests.Support;

namespace Notices.Cli.Tests;

/// <summary><c>notices render</c> killed (SIGKILL) at moments spread over its work, then run again.</summary>
public sealed class RenderCrashTests
{
    [Fact]
    public async Task RenderKilledMidWork_LeavesNoHalfFile_AndTheNextRunCleansUp()
    {
        using var folder = new TempFolder().WithSettings();
        var evidence = Cli.Seed("evidence-2021.csv");
        var bulletin = Path.Combine(folder.Path, "output", "2021", "annual", "shili");
        var environment = new Dictionary<string, string>();

        // The renderer makes the bulletin's folder, composes, then writes its files: each kill
        // comes a little later after the folder appears, across the writing.
        var kills = 0;
        var leftovers = 0;
        foreach (var delay in new[] { 0, 40, 80, 120, 160, 200, 250, 300, 400 })
        {
            using var render = ServiceProcess.Start("render", folder.Path, environment,
                "render", "annual", "--evidence", evidence);
            var waited = System.Diagnostics.Stopwatch.StartNew();
            var limit = TimeSpan.FromSeconds(60);
            while (!Directory.Exists(bulletin) && !render.HasExited && waited.Elapsed < limit)
                await Task.Delay(5);
            await Task.Delay(delay);
            if (!render.HasExited)
            {
                render.Kill();
                kills++;
            }
            await render.WaitForExitAsync(TimeSpan.FromSeconds(30));
            AssertEveryVisibleFileIsWhole(bulletin);
            if (Directory.Exists(bulletin))
                leftovers += Directory.GetFiles(bulletin, ".*.tmp").Length;
        }

        var last = await Cli.RunAsync(folder.Path, "render", "annual", "--evidence", evidence);

        Assert.True(kills > 0, "no run was still working when its kill came");
        Console.WriteLine(
            $"{kills} renders killed, {leftovers} temporary files left by them and removed by the next run");
        Assert.Equal(0, last.ExitCode);
        Assert.Empty(Directory.GetFiles(bulletin, ".*.tmp"));
        Assert.Equal(
            ["bulletin.docx", "bulletin.pdf", "index.html", "manifest.json", "scores.csv", "scores.json"],
            Directory.GetFiles(bulletin).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        AssertEveryVisibleFileIsWhole(bulletin);
    }

    /// <summary>What a reader (the mailer, a clerk) can see is either absent or complete.</summary>
    private static void AssertEveryVisibleFileIsWhole(string folder)
    {
        if (!Directory.Exists(folder))
            return;

        var pdf = Path.Combine(folder, "bulletin.pdf");
        if (File.Exists(pdf))
            Assert.EndsWith("%%EOF", Encoding.ASCII.GetString(File.ReadAllBytes(pdf)).TrimEnd());

        var docx = Path.Combine(folder, "bulletin.docx");
        if (File.Exists(docx))
        {
            using var zip = ZipFile.OpenRead(docx);
            Assert.NotNull(zip.GetEntry("word/document.xml"));
        }

        foreach (var json in new[] { "manifest.json", "scores.json" }.Select(n => Path.Combine(folder, n)))
        {
            if (File.Exists(json))
                JsonDocument.Parse(File.ReadAllText(json)).Dispose();
        }
    }
}
