
namespace Notices.Cli.Tests.Commands;

/// <summary>
/// Runs the real <c>notices</c> program in a temp working folder with the seed scheme and a
/// SQLite store of its own, as a clerk would from a shell.
/// </summary>
public sealed class EvidenceCommandTests : IDisposable
{
    private const string Header = "unit,item,fact,value,date,note,id,voids\n";

    private readonly string folder = Directory.CreateTempSubdirectory("notices-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text)
    {
        File.WriteAllText(Path.Combine(folder, name), text);
        return name;
    }

    private async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var environment = new Dictionary<string, string>
        {
            ["NOTICES__Store__ImportedBy"] = "测试员",
            ["NOTICES__Logging__LogLevel__Default"] = "Warning",
        };
        var run = await Cli.RunAsync(folder, environment, [.. args, "--scheme", Cli.Seed("scheme-2021.yaml")]);
        return (run.ExitCode, run.Out, run.Error);
    }

    [Fact]
    public async Task ImportVoidAndList_ShowRecordsWithSourceAndWithdrawals()
    {
        var file = Write("june.csv", Header
            + "城关,1.2,submitted,,2021-06-20,城政发〔2021〕30号,C1,\n"
            + "新华,2.1,unrecorded,3,2021/4/20,,,\n");

        var import = await RunAsync("evidence", "import", file);
        var withdraw = await RunAsync("evidence", "void", "#2", "--reason", "重复录入");
        var list = await RunAsync("evidence", "list");
        var onlyXinhua = await RunAsync("evidence", "list", "--unit", "新华街道办事处", "--item", "2.1");

        Assert.Equal((0, "june.csv: 2 records (import 1)\nImported 1 file(s), 2 records.\n"),
            (import.Code, import.Out.ReplaceLineEndings("\n")));
        Assert.Equal((0, "Withdrew #2 (withdrawal record #3).\n"),
            (withdraw.Code, withdraw.Out.ReplaceLineEndings("\n")));
        var lines = list.Out.ReplaceLineEndings("\n").Split('\n');
        Assert.StartsWith("key  id  unit  item  fact", lines[0]);
        Assert.Matches(
            @"^#1\s+C1\s+城关\s+1\.2\s+submitted\s+2021-06-20\s+城政发〔2021〕30号\s+june\.csv:2$",
            lines[1]);
        Assert.Matches(@"^#2\s+新华\s+2\.1\s+unrecorded\s+3\s+2021-04-20\s+june\.csv:3\s+withdrawn by #3$", lines[2]);
        Assert.Matches(@"^#3\s+withdraws #2: 重复录入\s+notices evidence void$", lines[3]);
        Assert.Equal("3 records, 1 withdrawn.", lines[4]);
        var xinhuaLines = onlyXinhua.Out.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, xinhuaLines.Length);
    }

    [Fact]
    public async Task BadFile_PrintsEveryProblemAsFileLineColumn_AndExitsOne()
    {
        var file = Write("bad.csv", Header
            + "东城,1.1,submitted,,2021-05-08,,,\n"
            + "城关,6.1,spot_check,2.55,2021-13-01,,,\n");

        var run = await RunAsync("evidence", "import", file);
        var list = await RunAsync("evidence", "list");

        Assert.Equal(1, run.Code);
        Assert.Equal(
            "bad.csv:2: unit: \"东城\" is not a unit of the scheme; "
                + "write one of 城关, 新华, 兴达, 昌盛 (or its full name)\n"
            + "bad.csv:3: value: \"2.55\" has more than one decimal; write a score from 0 to 2 with at most "
                + "one decimal, e.g. 1.5\n"
            + "bad.csv:3: date: \"2021-13-01\" is not a date; write 2021-05-08, 2021/5/8 or 2021年5月8日\n"
            + "3 problems; nothing was changed.\n",
            run.Error.ReplaceLineEndings("\n"));
        Assert.Equal("No records.\n", list.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task SameFileTwice_IsRefusedNamingTheImporterFromSettings()
    {
        var file = Write("may.csv", Header + "城关,1.1,submitted,,2021-05-08,,,\n");
        await RunAsync("evidence", "import", file);

        var again = await RunAsync("evidence", "import", file);

        Assert.Equal(3, again.Code);
        Assert.Matches(
            @"^may\.csv was already imported on \d{4}-\d\d-\d\d \d\d:\d\d UTC by 测试员 \(import 1, 1 records\)",
            again.Error);
    }

    [Fact]
    public async Task History_ListsImportsAndWithdrawalsWithWhoAndWhen()
    {
        await RunAsync("evidence", "import", Write("may.csv", Header + "城关,1.1,submitted,,2021-05-08,,M1,\n"));
        await RunAsync("evidence", "void", "M1", "--reason", "误报");

        var run = await RunAsync("evidence", "history");

        var lines = run.Out.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^1\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+测试员\s+1\s+may\.csv\s+[0-9a-f]{12}$", lines[1]);
        Assert.Matches(@"^2\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+测试员\s+1\s+notices evidence void$", lines[2]);
    }

    [Fact]
    public async Task VoidOfUnknownRecord_IsRefused()
    {
        var run = await RunAsync("evidence", "void", "X9", "--reason", "误报");

        Assert.Equal((3, "No stored record has the id or key \"X9\"; nothing was withdrawn. "
            + "notices evidence list shows ids and keys.\n"), (run.Code, run.Error.ReplaceLineEndings("\n")));
    }
}
