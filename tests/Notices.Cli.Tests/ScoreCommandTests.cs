using System.Text.Json;

namespace Notices.Cli.Tests;

public class ScoreCommandTests
{
    [Fact]
    public async Task ScoreEvidenceFile_PrintsTheSpecsJsonShapeOnStdout()
    {
        using var folder = new TempFolder();

        var run = await Cli.RunAsync(folder.Path, "score", "--scheme", Cli.Seed("scheme-2021.yaml"),
            "--evidence", Cli.Seed("evidence-2021.csv"), "--as-of", "2021-06-25", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal("2021-06-25", root.GetProperty("asOf").GetString());
        Assert.Equal(62, root.GetProperty("available").GetDecimal());
        var units = root.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(["城关", "新华", "兴达", "昌盛"], units.Select(u => u.GetProperty("unit").GetString()));
        Assert.All(units, u => Assert.Equal(20, u.GetProperty("items").GetArrayLength()));
        var item = units[0].GetProperty("items")[2];
        Assert.Equal("1.3", item.GetProperty("item").GetString());
        Assert.Equal("not-due", item.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("score").ValueKind);
        Assert.Equal(units.Sum(u => u.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("status").GetString() == "scored")
            .Sum(i => i.GetProperty("score").GetDecimal())), units.Sum(u => u.GetProperty("score").GetDecimal()));
    }

    [Fact]
    public async Task ScoreTable_LaysUnitsOutAsColumnsWithTotalsAndRanks()
    {
        using var folder = new TempFolder();

        var run = await Cli.RunAsync(folder.Path, "score", "--scheme", Cli.Seed("scheme-2021.yaml"),
            "--evidence", Cli.Seed("evidence-2021.csv"), "--as-of", "2021-12-25");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("序号", StringComparison.Ordinal)
            && l.Contains("城关", StringComparison.Ordinal)
            && l.EndsWith("昌盛", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("得分", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("名次", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadEvidenceFile_IsRefusedWithFileLineAndColumn_AndExitsNonZero()
    {
        using var folder = new TempFolder();
        var bad = folder.File("bad.csv", "unit,item,fact,value,date\n"
            + "城关,1.1,submitted,,2021-05-08\n"
            + "西城,1.1,submitted,,2021-13-01\n");

        var run = await Cli.RunAsync(folder.Path, "score", "--scheme", Cli.Seed("scheme-2021.yaml"),
            "--evidence", bad, "--as-of", "2021-06-25", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains($"{bad}:3: unit:", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{bad}:3: date:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreImport_ThenScore_AgreesWithScoringTheFileDirectly()
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "n.db");
        var scheme = Cli.Seed("scheme-2021.yaml");

        var import = await Cli.RunAsync(folder.Path, "evidence", "import", Cli.Seed("evidence-2021.csv"),
            "--scheme", scheme, "--store", store);
        var fromStore = await Cli.RunAsync(folder.Path, "score", "--as-of", "2021-12-25", "--format", "csv",
            "--scheme", scheme, "--store", store);
        var fromFile = await Cli.RunAsync(folder.Path, "score", "--as-of", "2021-12-25", "--format", "csv",
            "--scheme", scheme, "--evidence", Cli.Seed("evidence-2021.csv"));

        Assert.Equal(0, import.ExitCode);
        Assert.Equal(0, fromStore.ExitCode);
        Assert.Equal(fromFile.Out, fromStore.Out);
    }

    [Fact]
    public async Task SameFileImportedTwice_IsRefused_AndNothingIsCountedTwice()
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "n.db");
        var scheme = Cli.Seed("scheme-2021.yaml");

        var first = await Cli.RunAsync(folder.Path, "evidence", "import", Cli.Seed("evidence-2021.csv"),
            "--scheme", scheme, "--store", store);
        var before = await Cli.RunAsync(folder.Path, "score", "--as-of", "2021-12-25", "--format", "json",
            "--scheme", scheme, "--store", store);
        var second = await Cli.RunAsync(folder.Path, "evidence", "import", Cli.Seed("evidence-2021.csv"),
            "--scheme", scheme, "--store", store);
        var after = await Cli.RunAsync(folder.Path, "score", "--as-of", "2021-12-25", "--format", "json",
            "--scheme", scheme, "--store", store);

        Assert.Equal(0, first.ExitCode);
        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains("evidence-2021.csv", second.Error, StringComparison.Ordinal);
        Assert.Equal(before.Out, after.Out);
    }

    [Fact]
    public async Task Check_ListsWhatIsMissingAndDueBeforeANode()
    {
        using var folder = new TempFolder().WithSettings();
        var evidence = folder.File("e.csv", "unit,item,fact,value,date\n"
            + "城关,2.1,submitted,,2021-04-20\n"
            + "新华,2.1,submitted,,2021-04-28\n");

        var run = await Cli.RunAsync(folder.Path, "check", "--scheme", Cli.Seed("scheme-2021.yaml"),
            "--evidence", evidence, "--as-of", "2021-05-01");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("missing", run.Out, StringComparison.Ordinal);
        Assert.Contains("late", run.Out, StringComparison.Ordinal);
        Assert.Contains("due", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"2021-05-10\s+城关\s+1\.1\s+due", run.Out);
        Assert.Matches(@"2021-04-25\s+新华\s+2\.1\s+late", run.Out);
        Assert.Matches(@"2021-04-25\s+兴达\s+2\.1\s+missing", run.Out);
    }

    [Fact]
    public async Task SettingsComeFromFileThenEnvironmentThenOptions()
    {
        using var folder = new TempFolder().WithSettings();

        var fromFile = await Cli.RunAsync(
            folder.Path, "check", "--evidence", Cli.Seed("evidence-2021.csv"), "--as-of", "2021-06-01");
        var overridden = await Cli.RunAsync(folder.Path, "check", "--scheme", "missing.yaml", "--as-of", "2021-06-01");

        Assert.Equal(0, fromFile.ExitCode);
        Assert.Equal(1, overridden.ExitCode);
        Assert.Contains("missing.yaml", overridden.Error, StringComparison.Ordinal);
    }
}
