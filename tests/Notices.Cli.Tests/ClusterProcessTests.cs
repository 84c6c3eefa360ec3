using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Notices.Cli.Tests.Support;
using Notices.Core.Samples;
using Notices.Core.Schemes;
using Notices.Scheduling;
using Xunit.Abstractions;

namespace Notices.Cli.Tests;

/// <summary>
/// Issue 5: three <c>notices run</c> processes as one Quartz cluster over a real PostgreSQL,
/// a simulated year on a fast clock, a real SMTP server on loopback, one process killed mid-year.
/// </summary>
[Collection(ProcessClusterCollection.Name)]
public sealed partial class ClusterProcessTests(ITestOutputHelper log)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    // The year 2021 (to its last node, 12-31 18:00 in Shanghai) in about 90 real seconds: slow
    // enough that on two busy cores the nodes keep up with the clock and leave quiet stretches
    // between them (at twice the speed, a loaded machine fell months behind and left none).
    private const double Speed = 350_000;
    private static readonly DateTimeOffset YearStart = new(2021, 1, 1, 0, 0, 0, China);

    [PostgresFact]
    public async Task ThreeProcesses_OneKilledMidYear_RunEveryNodeOnce_RenderOnce_MailOnce()
    {
        var clock = Stopwatch.StartNew();
        using var folder = new TempFolder();
        await using var pg = await PostgresDatabase.CreateAsync();
        await using var smtp = await LoopbackSmtpServer.StartAsync();

        // Two districts sharing six street offices, and a year of evidence with every judged
        // score (the annual bulletin refuses to go out without them).
        var schemePath = Path.Combine(folder.Path, "scheme.yaml");
        await File.WriteAllTextAsync(schemePath, CityGenerator.SchemeYaml(Cli.Seed("scheme-2021.yaml"), 2, 6));
        var scheme = SchemeLoader.Load(schemePath);
        var evidencePath = Path.Combine(folder.Path, "evidence.csv");
        await using (var writer = new StreamWriter(evidencePath, false, new UTF8Encoding(false)))
            CityGenerator.WriteEvidence(scheme, 120, 5, writer);
        var expected = NodeSchedule.Build(scheme, new ScheduleOptions()).Nodes;
        var bulletinRuns = expected.Where(n => n.Bulletin is not null).ToList();

        var environment = new Dictionary<string, string>
        {
            ["NOTICES__Scheme"] = schemePath,
            ["NOTICES__Templates"] = Path.Combine(Cli.RepoRoot, "templates"),
            ["NOTICES__Output"] = Path.Combine(folder.Path, "output"),
            ["NOTICES__Store__Provider"] = "Postgres",
            ["NOTICES__Store__ConnectionString"] = pg.ConnectionString,
        };
        using (var import = ServiceProcess.Start(
            "import", folder.Path, environment, "evidence", "import", evidencePath))
            Assert.True(await import.WaitForExitAsync(TimeSpan.FromMinutes(1)) == 0, import.Log);

        // Every process shows the same simulated time: one start, one speed, one real anchor a
        // little ahead, so that the first process has provisioned Quartz's tables by then.
        var anchor = DateTimeOffset.UtcNow.AddSeconds(8);
        environment["NOTICES__Schedule__JobStoreProvider"] = "Postgres";
        environment["NOTICES__Schedule__JobStoreConnectionString"] = pg.ConnectionString;
        environment["NOTICES__Schedule__Clustered"] = "true";
        environment["NOTICES__Schedule__SimulateFrom"] = YearStart.ToString("O", CultureInfo.InvariantCulture);
        environment["NOTICES__Schedule__SimulateSpeed"] = Speed.ToString(CultureInfo.InvariantCulture);
        environment["NOTICES__Schedule__SimulateAnchor"] = anchor.ToString("O", CultureInfo.InvariantCulture);

        // The lease is read on the simulated clock: ten simulated years (minutes of real time)
        // keep a live process's run from ever looking abandoned during the test.
        environment["NOTICES__Schedule__RunLease"] = "3650.00:00:00";

        // So is a sender's claim on a message (default 5 minutes: half a real millisecond
        // here, after which another process's pump takes the message as abandoned and sends
        // it again; with the default, each of the three processes sent every message).
        environment["NOTICES__Smtp__ClaimTimeout"] = "3650.00:00:00";
        environment["NOTICES__Smtp__Host"] = "127.0.0.1";
        environment["NOTICES__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        environment["NOTICES__Smtp__Security"] = "None";
        var simulated = new AcceleratedTimeProvider(YearStart, Speed, anchor);

        var processes = new List<ServiceProcess>();
        try
        {
            // The first provisions the schema and the triggers; the other two join it together.
            processes.Add(ServiceProcess.Start("one", folder.Path, environment, "run"));
            await processes[0].WaitForLineAsync("Running; stop with", TimeSpan.FromSeconds(60));
            processes.Add(ServiceProcess.Start("two", folder.Path, environment, "run"));
            processes.Add(ServiceProcess.Start("three", folder.Path, environment, "run"));
            foreach (var p in processes.Skip(1))
                await p.WaitForLineAsync("Running; stop with", TimeSpan.FromSeconds(60));
            log.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: three processes running at simulated "
                + $"{simulated.GetUtcNow().ToOffset(China):yyyy-MM-dd HH:mm}");

            // Each checks in to the cluster under a name of its own, the one it signs its node
            // runs with: one name for all would let none of them ever be found dead.
            await WaitUntilAsync(async () => (await InstancesAsync(pg)).Count == 3,
                "three instances checked in", TimeSpan.FromSeconds(30), processes);
            Assert.Equal(processes.Select(Owner).Order(StringComparer.Ordinal), await InstancesAsync(pg));

            // Mid-year, between nodes: after the half-year bulletin, in the first quiet stretch
            // of the schedule (every node so far done, none running, the next one more than two
            // real seconds away), kill the process that issued the half-year bulletin. With no
            // node due, no process can be inside one when the kill lands.
            var halfYear = scheme.Bulletins.First().Date;
            var issuer = "";
            var fireTimes = expected.Select(n => n.FireAt).Distinct().Order().ToList();
            DateTimeOffset? quiet = null;
            foreach (var (done, next) in fireTimes.Zip(fireTimes.Skip(1)).Where(g => DateOnly.FromDateTime(
                g.First.ToOffset(China).DateTime) >= halfYear && g.Second < fireTimes[^1]))
            {
                var upTo = expected.Count(n => n.FireAt <= done);
                await WaitUntilAsync(async () => int.Parse(
                    (await pg.QueryAsync("SELECT count(*) FROM node_runs WHERE state = 'done'"))[0][0]!,
                    CultureInfo.InvariantCulture) >= upTo,
                    $"the nodes up to {done:yyyy-MM-dd}", TimeSpan.FromSeconds(90), processes);
                if ((await pg.QueryAsync("SELECT count(*) FROM node_runs WHERE state = 'running'"))[0][0] == "0"
                    && simulated.GetUtcNow() + simulated.Simulated(TimeSpan.FromSeconds(2)) < next)
                {
                    quiet = done;
                    issuer = (await pg.QueryAsync(
                        $"SELECT owner FROM node_runs WHERE node = '{halfYear:yyyy-MM-dd}'"))[0][0]!;
                    break;
                }
                log.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: no quiet stretch after {done:yyyy-MM-dd} "
                    + $"(simulated {simulated.GetUtcNow().ToOffset(China):yyyy-MM-dd HH:mm}); trying the next");
            }
            Assert.True(quiet is not null, "no quiet stretch between nodes after the half-year bulletin to kill in");
            var victim = processes.FirstOrDefault(p => Owner(p) == issuer) ?? processes[0];
            victim.Kill();
            await victim.WaitForExitAsync(TimeSpan.FromSeconds(10));
            var cut = await pg.QueryAsync(
                $"SELECT node, district FROM node_runs WHERE owner = '{Owner(victim)}' AND state = 'running'");
            log.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: killed {victim.Name} (pid {victim.Id}, "
                + $"{(Owner(victim) == issuer ? "which issued the half-year bulletins" : "another")}) at simulated "
                + $"{simulated.GetUtcNow().ToOffset(China):yyyy-MM-dd HH:mm}; runs it left running: {cut.Count}");
            Assert.True(cut.Count == 0, "the kill landed inside a node run, not between nodes");
            var survivors = processes.Where(p => p != victim).ToList();

            // A kill just after a node's run is recorded but before Quartz has closed the job
            // leaves the trigger held and the job's other triggers blocked, until the cluster
            // finds the process dead and releases them.
            var held = (await pg.QueryAsync(
                $"SELECT trigger_name FROM qrtz_fired_triggers WHERE instance_name = '{Owner(victim)}'"))
                .Select(r => r[0]).ToList();
            log.WriteLine($"triggers the killed process still held in Quartz: {held.Count} "
                + $"{string.Join(", ", held)}");

            // The rest of the year: every node done, every message sent.
            var yearEnd = expected.Max(n => n.FireAt);
            await WaitUntilAsync(async () =>
                simulated.GetUtcNow() > yearEnd
                && (await pg.QueryAsync("SELECT count(*) FROM node_runs WHERE state = 'done'"))[0][0]
                    == expected.Count.ToString(CultureInfo.InvariantCulture)
                && (await pg.QueryAsync("SELECT count(*) FROM outbox WHERE state <> 'sent'"))[0][0] == "0",
                "every node of the year done and every message sent", TimeSpan.FromSeconds(180), survivors,
                () => DescribeAsync(pg));
            await Task.Delay(1000);
            log.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: the year is over (simulated "
                + $"{simulated.GetUtcNow().ToOffset(China):yyyy-MM-dd HH:mm})");

            // The cluster has found the killed process dead: only the survivors are checked in.
            Assert.Equal(survivors.Select(Owner).Order(StringComparer.Ordinal), await InstancesAsync(pg));
            Assert.Empty(await pg.QueryAsync(
                $"SELECT trigger_name FROM qrtz_fired_triggers WHERE instance_name = '{Owner(victim)}'"));

            // Stopped as systemd stops them; each exits 0.
            foreach (var p in survivors)
                await p.TerminateAsync();
            foreach (var p in survivors)
                Assert.True(await p.WaitForExitAsync(TimeSpan.FromSeconds(30)) == 0, $"{p.Name} exit code\n{p.Log}");

            // Every (node, district) ran exactly once, and is done.
            var runs = await pg.QueryAsync("SELECT node, district, state, attempts, owner FROM node_runs");
            Assert.Equal(expected.Select(n => $"{n.Node:yyyy-MM-dd} {n.District}").Order(),
                runs.Select(r => $"{r[0]} {r[1]}").Order());
            Assert.All(runs, r => Assert.Equal(("done", "1"), (r[2], r[3])));
            var starts = processes.SelectMany(p => p.Lines).Select(l => StartLine().Match(l))
                .Where(m => m.Success).Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}").ToList();
            Assert.Equal(runs.Count, starts.Count);
            Assert.Equal(starts.Count, starts.Distinct().Count());
            foreach (var group in runs.GroupBy(r => r[4]))
                log.WriteLine($"runs by {group.Key}: {group.Count()}");

            // Every bulletin rendered once: each file written once, by one run, and on disk.
            var written = processes.SelectMany(p => p.Lines).Select(l => WroteLine().Match(l))
                .Where(m => m.Success)
                .Select(m => (Run: $"{m.Groups[1].Value} {m.Groups[2].Value}", File: m.Groups[3].Value))
                .ToList();
            var rendered = written.Select(w => w.Run).Distinct().Count();
            Assert.Equal(bulletinRuns.Count, rendered);
            Assert.Equal(written.Count, written.Select(w => w.File).Distinct().Count());
            Assert.All(written, w => Assert.True(File.Exists(w.File), w.File));

            // Every message reached the SMTP server once, by its Message-ID.
            var queued = (await pg.QueryAsync("SELECT message_id FROM outbox"))
                .Select(r => r[0]!.Trim('<', '>')).ToList();
            var received = smtp.MessageIds.ToList();
            log.WriteLine($"bulletin runs rendered: {rendered} ({written.Count} files); outbox rows: {queued.Count}; "
                + $"SMTP messages raw: {received.Count}, distinct: {received.Distinct().Count()}");
            Assert.NotEmpty(queued);
            Assert.Equal(queued.Order(), received.Order());
            log.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s in all");
        }
        finally
        {
            foreach (var p in processes)
            {
                if (!p.HasExited)
                    log.WriteLine($"{p.Name} still running; killed");
                p.Dispose();
            }
        }
    }

    [PostgresFact]
    public async Task ProcessKilledInsideABulletinNode_TheClusterRecoversTheNode_MailOnce()
    {
        var clock = Stopwatch.StartNew();
        using var folder = new TempFolder();
        await using var pg = await PostgresDatabase.CreateAsync();
        await using var smtp = await LoopbackSmtpServer.StartAsync();

        // The first process's mail relay accepts connections and never answers: its half-year
        // node hangs while connecting, before any message is claimed, and is killed there.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new ConcurrentQueue<TcpClient>();
        var accepting = AcceptForeverAsync(silent, held);

        var schemePath = Path.Combine(folder.Path, "scheme.yaml");
        await File.WriteAllTextAsync(schemePath, CityGenerator.SchemeYaml(Cli.Seed("scheme-2021.yaml"), 2, 6));
        var scheme = SchemeLoader.Load(schemePath);
        var evidencePath = Path.Combine(folder.Path, "evidence.csv");
        await using (var writer = new StreamWriter(evidencePath, false, new UTF8Encoding(false)))
            CityGenerator.WriteEvidence(scheme, 120, 5, writer);
        var halfYear = scheme.Bulletins.First().Date;

        var start = new DateTimeOffset(2021, 6, 20, 0, 0, 0, China);
        const double speed = 100_000;
        var environment = new Dictionary<string, string>
        {
            ["NOTICES__Scheme"] = schemePath,
            ["NOTICES__Templates"] = Path.Combine(Cli.RepoRoot, "templates"),
            ["NOTICES__Output"] = Path.Combine(folder.Path, "output"),
            ["NOTICES__Store__Provider"] = "Postgres",
            ["NOTICES__Store__ConnectionString"] = pg.ConnectionString,
        };
        using (var import = ServiceProcess.Start(
            "import", folder.Path, environment, "evidence", "import", evidencePath))
            Assert.True(await import.WaitForExitAsync(TimeSpan.FromMinutes(1)) == 0, import.Log);

        var anchor = DateTimeOffset.UtcNow.AddSeconds(8);
        environment["NOTICES__Schedule__JobStoreProvider"] = "Postgres";
        environment["NOTICES__Schedule__JobStoreConnectionString"] = pg.ConnectionString;
        environment["NOTICES__Schedule__Clustered"] = "true";
        environment["NOTICES__Schedule__SimulateFrom"] = start.ToString("O", CultureInfo.InvariantCulture);
        environment["NOTICES__Schedule__SimulateSpeed"] = speed.ToString(CultureInfo.InvariantCulture);
        environment["NOTICES__Schedule__SimulateAnchor"] = anchor.ToString("O", CultureInfo.InvariantCulture);

        // Years, so that only the cluster's recovery, not the lease running out, frees the run
        // the killed process leaves behind.
        environment["NOTICES__Schedule__RunLease"] = "3650.00:00:00";
        environment["NOTICES__Smtp__ClaimTimeout"] = "3650.00:00:00";
        environment["NOTICES__Smtp__Host"] = "127.0.0.1";
        environment["NOTICES__Smtp__Security"] = "None";
        var first = new Dictionary<string, string>(environment)
        {
            ["NOTICES__Smtp__Port"] = ((IPEndPoint)silent.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture),
        };
        var second = new Dictionary<string, string>(environment)
        {
            ["NOTICES__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        };

        var processes = new List<ServiceProcess>();
        try
        {
            var victim = ServiceProcess.Start("one", folder.Path, first, "run");
            processes.Add(victim);
            await victim.WaitForLineAsync("Running; stop with", TimeSpan.FromSeconds(60));

            // Inside the half-year node: its run claimed, its mail stuck connecting.
            var day = halfYear.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await WaitUntilAsync(async () =>
                (await pg.QueryAsync($"SELECT owner FROM node_runs WHERE node = '{day}' AND state = 'running'"))
                    .Any(r => r[0] == Owner(victim)) && !held.IsEmpty,
                "the first process inside the half-year node, connecting", TimeSpan.FromSeconds(60), processes);

            // The second joins the cluster while the first holds the node job: it can run
            // nothing until the first is found dead.
            var survivor = ServiceProcess.Start("two", folder.Path, second, "run");
            processes.Add(survivor);
            await survivor.WaitForLineAsync("Running; stop with", TimeSpan.FromSeconds(60));
            victim.Kill();
            await victim.WaitForExitAsync(TimeSpan.FromSeconds(10));
            var killedAt = clock.Elapsed;
            var cut = await pg.QueryAsync(
                $"SELECT node, district FROM node_runs WHERE owner = '{Owner(victim)}' AND state = 'running'");
            log.WriteLine($"{killedAt.TotalSeconds:0.0} s: killed {victim.Name} inside node {day}; "
                + $"runs it left running: {string.Join(", ", cut.Select(r => $"{r[0]} {r[1]}"))}");
            Assert.NotEmpty(cut);

            // The survivor finds it dead, recovers the node job and runs the half-year bulletin
            // of both districts to the end, mail included.
            await WaitUntilAsync(async () =>
                (await pg.QueryAsync($"SELECT count(*) FROM node_runs WHERE node = '{day}' AND state = 'done'"))[0][0]
                    == "2"
                && (await pg.QueryAsync("SELECT count(*) FROM outbox WHERE state <> 'sent'"))[0][0] == "0",
                "the half-year node recovered and its mail sent", TimeSpan.FromSeconds(90), [survivor],
                () => DescribeAsync(pg));
            log.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: recovered, "
                + $"{(clock.Elapsed - killedAt).TotalSeconds:0.0} s after the kill");

            var runs = await pg.QueryAsync(
                $"SELECT district, attempts, owner FROM node_runs WHERE node = '{day}' ORDER BY district");
            Assert.All(runs, r => Assert.Equal(Owner(survivor), r[2]));
            foreach (var row in cut)
                Assert.Equal("2", runs.Single(r => r[0] == row[1])[1]);
            Assert.Contains(survivor.Lines, l => l.Contains("Recovering the node job", StringComparison.Ordinal));
            Assert.Equal([Owner(survivor)], await InstancesAsync(pg));

            var queued = (await pg.QueryAsync("SELECT message_id FROM outbox"))
                .Select(r => r[0]!.Trim('<', '>')).ToList();
            var received = smtp.MessageIds.ToList();
            log.WriteLine($"outbox rows: {queued.Count}; SMTP messages raw: {received.Count}, "
                + $"distinct: {received.Distinct().Count()}");
            Assert.NotEmpty(queued);
            Assert.Equal(queued.Order(), received.Order());

            await survivor.TerminateAsync();
            Assert.True(await survivor.WaitForExitAsync(TimeSpan.FromSeconds(30)) == 0, survivor.Log);
            log.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s in all");
        }
        finally
        {
            foreach (var p in processes)
                p.Dispose();
            silent.Stop();
            foreach (var client in held)
                client.Dispose();
            await accepting;
        }
    }

    // Accepts connections and says nothing on them, until the listener stops.
    private static async Task AcceptForeverAsync(TcpListener listener, ConcurrentQueue<TcpClient> held)
    {
        try
        {
            while (true)
                held.Enqueue(await listener.AcceptTcpClientAsync());
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    // The node_runs owner of a process: its host name and process id (Schedule:InstanceId AUTO).
    private static string Owner(ServiceProcess process) =>
        $"{Environment.MachineName}-{process.Id.ToString(CultureInfo.InvariantCulture)}";

    // The names checked in to the Quartz cluster, in order.
    private static async Task<List<string>> InstancesAsync(PostgresDatabase pg) =>
        (await pg.QueryAsync("SELECT instance_name FROM qrtz_scheduler_state"))
            .Select(r => r[0]!).Order(StringComparer.Ordinal).ToList();

    // What the cluster's tables say, for a failure message.
    private static async Task<string> DescribeAsync(PostgresDatabase pg)
    {
        var text = new StringBuilder();
        foreach (var sql in new[]
        {
            "SELECT node, district, state, owner FROM node_runs ORDER BY node, district",
            "SELECT trigger_name, trigger_state, next_fire_time FROM qrtz_triggers ORDER BY next_fire_time",
            "SELECT instance_name, last_checkin_time, checkin_interval FROM qrtz_scheduler_state",
            "SELECT trigger_name, instance_name, state FROM qrtz_fired_triggers",
            "SELECT lock_name FROM qrtz_locks",
            "SELECT pid, state, wait_event_type, wait_event, left(query, 80) FROM pg_stat_activity "
                + "WHERE datname = current_database()",
        })
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"-- {sql}");
            foreach (var row in await pg.QueryAsync(sql))
                text.AppendLine(string.Join(" | ", row));
        }
        return text.ToString();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan limit,
        IReadOnlyList<ServiceProcess> processes, Func<Task<string>>? describe = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (processes.FirstOrDefault(p => p.HasExited) is { } gone)
                throw new InvalidOperationException(
                    $"{gone.Name} exited with {gone.ExitCode} waiting for {what}:\n{gone.Log}");
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"waited {limit.TotalSeconds} s for {what}, in vain:\n"
                    + (describe is null ? "" : await describe() + "\n")
                    + string.Join("\n\n", processes.Select(p => $"== {p.Name}\n{p.Log}")));
            }
            await Task.Delay(250);
        }
    }

    [GeneratedRegex(@"Node (\d{4}-\d{2}-\d{2}) for (\S+) starts")]
    private static partial Regex StartLine();

    [GeneratedRegex(@"Node (\d{4}-\d{2}-\d{2}) for (\S+) wrote (.+)$")]
    private static partial Regex WroteLine();
}
