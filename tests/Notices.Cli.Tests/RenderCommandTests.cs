using System.Text.Json;

namespace Notices.Cli.Tests;

public class RenderCommandTests
{
    // The temp working folder has no templates/ of its own: point the setting at the repository's.
    private static void UseRepoTemplates(TempFolder folder) =>
        File.WriteAllText(Path.Combine(folder.Path, "notices.json"),
            JsonSerializer.Serialize(new { Templates = Path.Combine(Cli.RepoRoot, "templates") }));

    [Fact]
    public async Task RenderHalfYear_WritesEveryFileOfTheDistrict()
    {
        using var folder = new TempFolder();
        UseRepoTemplates(folder);

        var run = await Cli.RunAsync(folder.Path, "render", "half-year", "--scheme", Cli.Seed("scheme-2021.yaml"),
            "--evidence", Cli.Seed("evidence-2021.csv"), "--out", "out");

        Assert.True(run.ExitCode == 0, run.Error);
        var target = Path.Combine(folder.Path, "out", "2021", "half-year", "shili");
        Assert.Equal(target, run.Out.Trim());
        foreach (var name in new[] { "bulletin.docx", "bulletin.pdf", "index.html", "scores.csv",
            "scores.json", "manifest.json" })
            Assert.True(File.Exists(Path.Combine(target, name)), name);
    }

    [Fact]
    public async Task PendingItems_RefuseAFinalRender_ButNotADraft()
    {
        using var folder = new TempFolder();
        UseRepoTemplates(folder);
        var evidence = Path.Combine(folder.Path, "pending.csv");
        File.WriteAllLines(evidence, File.ReadAllLines(Cli.Seed("evidence-2021.csv"))
            .Where(line => !(line.StartsWith("城关,",
                StringComparison.Ordinal) && line.Contains(",spot_check,", StringComparison.Ordinal))));
        string[] common = ["--scheme", Cli.Seed("scheme-2021.yaml"), "--evidence", evidence, "--out", "out"];

        var final = await Cli.RunAsync(folder.Path, ["render", "annual", .. common]);
        var draft = await Cli.RunAsync(folder.Path, ["render", "annual", "--draft", .. common]);

        Assert.Equal(3, final.ExitCode);
        Assert.Contains("6.1", final.Error, StringComparison.Ordinal);
        Assert.Contains("--draft", final.Error, StringComparison.Ordinal);
        Assert.True(draft.ExitCode == 0, draft.Error);
        using var manifest = JsonDocument.Parse(File.ReadAllText(
            Path.Combine(folder.Path, "out", "2021", "annual", "shili", "manifest.json")));
        Assert.True(manifest.RootElement.GetProperty("draft").GetBoolean());
    }

    [Fact]
    public async Task UnknownKind_IsRejected()
    {
        using var folder = new TempFolder();

        var run = await Cli.RunAsync(folder.Path, "render", "monthly", "--scheme", Cli.Seed("scheme-2021.yaml"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("monthly", run.Error, StringComparison.Ordinal);
    }
}
