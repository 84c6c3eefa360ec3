using System.Collections.Concurrent;
using System.Diagnostics;

namespace Notices.Cli.Tests;

/// <summary><c>notices run</c> as a real child process, stopped by SIGTERM as systemd stops it.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_CatchesUpThe2021Nodes_StopsOnSigterm_AndARestartRedoesNothing()
    {
        using var folder = new TempFolder().WithSettings();
        var import = await Cli.RunAsync(
            folder.Path, "evidence", "import", Cli.Seed("evidence-2021.csv"), "--store", "data/notices.db");
        Assert.Equal(0, import.ExitCode);

        // The real clock is past every node of 2021: the first start catches all of them up,
        // rendering and mailing (to the pickup folder) each bulletin.
        var first = await RunUntilAsync(folder.Path, "Node 2021-12-31 for shili done");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Node 2021-06-25 for shili starts (bulletin half-year)", first.Error);
        Assert.Equal(9, Count(first.Error, " done in "));
        Assert.True(File.Exists(Path.Combine(folder.Path, "data", "quartz.db")), "Quartz's job store beside the store");
        foreach (var kind in new[] { "half-year", "q3", "annual" })
            Assert.True(File.Exists(Path.Combine(folder.Path, "output", "2021", kind, "shili", "bulletin.pdf")), kind);

        // Three bulletins to six recipients each (government, four units, 抄送).
        var mail = Directory.GetFiles(Path.Combine(folder.Path, "output", "mail-pickup"), "*.eml");
        Assert.Equal(18, mail.Length);

        var second = await RunUntilAsync(folder.Path, "Running; stop with");
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(0, Count(second.Error, " starts"));
        Assert.Equal(18, Directory.GetFiles(Path.Combine(folder.Path, "output", "mail-pickup"), "*.eml").Length);
    }

    private static int Count(string text, string what) =>
        text.Split('\n').Count(line => line.Contains(what, StringComparison.Ordinal));

    private static async Task<ProgramRun> RunUntilAsync(string folder, string line)
    {
        var start = Cli.StartInfo(folder, new Dictionary<string, string>(),
            ["run", "--scheme", Cli.Seed("scheme-2021.yaml"), "--store", "data/notices.db"]);

        using var process = Process.Start(start)!;
        var lines = new ConcurrentQueue<string>();
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lines.Enqueue(e.Data);
            if (e.Data.Contains(line, StringComparison.Ordinal))
                seen.TrySetResult();
        };
        process.BeginErrorReadLine();
        var output = process.StandardOutput.ReadToEndAsync();
        try
        {
            await seen.Task.WaitAsync(TimeSpan.FromMinutes(1));
            await Task.Delay(500);
        }
        finally
        {
            var pid = process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var kill = Process.Start("kill", ["-TERM", pid]);
            await kill.WaitForExitAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }
        return new ProgramRun(process.ExitCode, await output, string.Join('\n', lines));
    }
}
