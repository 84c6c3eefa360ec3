using System.Globalization;
using System.Text.RegularExpressions;
using Notices.Cli.Tests.Support;
using Notices.Scheduling;
using Xunit.Abstractions;

namespace Notices.Cli.Tests;

/// <summary>
/// A year of <c>notices run</c> on the single-machine default (SQLite store and job store) on a
/// fast clock, mailing a real SMTP server on loopback: killed mid-year, down across the q3
/// bulletin node, started again. The server's own count of Message-IDs is the evidence.
/// </summary>
[Collection(ProcessClusterCollection.Name)]
public sealed partial class YearRehearsalTests(ITestOutputHelper log)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    // About 8 simulated days a real second: 2021 in about 45 s.
    private const double Speed = 700_000;

    [Fact]
    public async Task AYearThroughAKillAndARestart_IssuesEachBulletinOnce_AndMailsEachMessageOnce()
    {
        using var folder = new TempFolder().WithSettings();
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        var import = await Cli.RunAsync(folder.Path, "evidence", "import", Cli.Seed("evidence-2021.csv"));
        Assert.Equal(0, import.ExitCode);

        var start = new DateTimeOffset(2021, 1, 1, 0, 0, 0, China);
        var anchor = DateTimeOffset.UtcNow.AddSeconds(3);
        var environment = new Dictionary<string, string>
        {
            ["NOTICES__Schedule__SimulateFrom"] = start.ToString("O", CultureInfo.InvariantCulture),
            ["NOTICES__Schedule__SimulateSpeed"] = Speed.ToString(CultureInfo.InvariantCulture),
            ["NOTICES__Schedule__SimulateAnchor"] = anchor.ToString("O", CultureInfo.InvariantCulture),

            // Leases and claims are read on the simulated clock: keep them longer than the test.
            ["NOTICES__Schedule__RunLease"] = "3650.00:00:00",
            ["NOTICES__Smtp__ClaimTimeout"] = "3650.00:00:00",
            ["NOTICES__Smtp__Host"] = "127.0.0.1",
            ["NOTICES__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["NOTICES__Smtp__Security"] = "None",
        };
        var simulated = new AcceleratedTimeProvider(start, Speed, anchor);

        // The half-year bulletin goes to six recipients; once the server has them all and the
        // 06-30 quarter end is done, the next node (09-25) is some ten real seconds away.
        using var first = ServiceProcess.Start("first", folder.Path, environment, "run");
        await first.WaitForLineAsync("Node 2021-06-30 for shili done", TimeSpan.FromSeconds(90));
        await WaitAsync(() => smtp.MessageIds.Count >= 6, "the half-year mail", first);
        first.Kill();
        await first.WaitForExitAsync(TimeSpan.FromSeconds(10));
        log.WriteLine($"killed at simulated {simulated.GetUtcNow().ToOffset(China):yyyy-MM-dd HH:mm}");

        // Down across the q3 bulletin node (09-25) and the 09-30 quarter end.
        var q3 = new DateTimeOffset(2021, 10, 2, 0, 0, 0, China);
        while (simulated.GetUtcNow() < q3)
            await Task.Delay(100);

        using var second = ServiceProcess.Start("second", folder.Path, environment, "run");
        await second.WaitForLineAsync("Node 2021-12-31 for shili done", TimeSpan.FromSeconds(120));
        await WaitAsync(() => smtp.MessageIds.Count >= 18, "the year's mail", second);
        await Task.Delay(1000);
        await second.TerminateAsync();
        Assert.Equal(0, await second.WaitForExitAsync(TimeSpan.FromSeconds(30)));

        // Nine nodes, each started once across both processes; q3 caught up late by the second.
        var starts = first.Lines.Concat(second.Lines).Select(l => StartLine().Match(l))
            .Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(9, starts.Count);
        Assert.Equal(9, starts.Distinct().Count());
        Assert.Contains(second.Lines, l => l.Contains("Node 2021-09-25 for shili starts", StringComparison.Ordinal));
        foreach (var kind in new[] { "half-year", "q3", "annual" })
            Assert.True(File.Exists(Path.Combine(folder.Path, "output", "2021", kind, "shili", "bulletin.pdf")), kind);

        // Three bulletins to six recipients: 18 Message-IDs, each received once.
        var received = smtp.MessageIds.ToList();
        log.WriteLine($"SMTP messages raw: {received.Count}, distinct: {received.Distinct().Count()}");
        Assert.Equal(18, received.Distinct().Count());
        Assert.Equal(18, received.Count);
    }

    private static async Task WaitAsync(Func<bool> condition, string what, ServiceProcess process)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{what} did not arrive\n{process.Log}");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"Node (\d{4}-\d{2}-\d{2}) for shili starts")]
    private static partial Regex StartLine();
}
