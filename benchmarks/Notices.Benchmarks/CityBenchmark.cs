using System.Diagnostics;
using System.Globalization;
using Notices.Core.Evidence;
using Notices.Core.Samples;
using Notices.Core.Schemes;
using Notices.Core.Scoring;
using Notices.Core.Storage;

namespace Notices.Benchmarks;

/// <summary>
/// The city-sized run: a generated scheme of many districts and a year of evidence, imported,
/// loaded and scored at a bulletin node. Prints rows per second, milliseconds and peak memory.
/// </summary>
internal static class CityBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var units = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var districts = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        var provider = args.Length > 3 ? args[3] : "sqlite";
        if (provider is not ("sqlite" or "postgres"))
            throw new ArgumentException($"the store is sqlite or postgres, not '{provider}'");
        var folder = Path.Combine(Path.GetTempPath(), "notices-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await using var server = provider == "postgres" ? await BenchDatabase.CreateAsync() : null;
        var database = server?.Database ?? Database.Sqlite(Path.Combine(folder, "city.db"));

        try
        {
            var root = CityNodeBenchmark.FindRoot();
            var schemePath = Path.Combine(folder, "city.yaml");
            await File.WriteAllTextAsync(schemePath, CityGenerator.SchemeYaml(
                Path.Combine(root, "seeds", "scheme-2021.yaml"), districts, units));
            var scheme = SchemeLoader.Load(schemePath);
            var evidencePath = Path.Combine(folder, "city.csv");
            await using (var writer = new StreamWriter(evidencePath))
                CityGenerator.WriteEvidence(scheme, rows, seed: 2021, writer);
            var size = new FileInfo(evidencePath).Length;
            Console.WriteLine(
                $"city: {scheme.Districts.Count} districts, {scheme.Units.Count} units, "
                + $"evidence {size / 1048576.0:0.0} MB, store {database.Provider}");

            var clock = Stopwatch.StartNew();
            var count = EvidenceReader.Read(evidencePath, scheme).Count;
            Report("read and validate", clock, count);

            // The import runs in a process of its own, as `notices evidence import` does, so
            // that its peak is its own.
            var imported = await RunChildAsync(
                "city-import", schemePath, evidencePath, database.Provider.ToString(), database.ConnectionString);
            if (imported != 0)
                return imported;

            var store = new EvidenceStore(database, TimeProvider.System);
            clock.Restart();
            var stored = await store.LoadAsync();
            Report("load from store", clock, stored.Count);

            var node = scheme.FindBulletin("annual")!.Date;
            Scorer.Score(scheme, stored, node);
            clock.Restart();
            const int rounds = 5;
            Scorecard card = null!;
            for (var i = 0; i < rounds; i++)
                card = Scorer.Score(scheme, stored, node);
            var scoreMs = clock.Elapsed.TotalMilliseconds / rounds;
            Console.WriteLine(
                $"{"score at " + node.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),-32} "
                + $"{scoreMs,10:0.0} ms  ({stored.Count:N0} records, {card.Units.Count} units, "
                + $"warm, mean of {rounds})");
            // What one district's node loads and scores, of the city's store.
            var first = scheme.Districts[0];
            clock.Restart();
            var mine = await store.LoadAsync(first.Units.Select(u => u.Id).ToList(), node);
            Report($"load one district ({first.Units.Count} units)", clock, mine.Count);
            clock.Restart();
            var district = Scorer.Score(scheme, mine, node, first);
            Console.WriteLine($"{"score one district",-32} {clock.Elapsed.TotalMilliseconds,10:0.0} ms  "
                + $"({mine.Count:N0} records, {district.Units.Count} units)");

            clock.Restart();
            var json = ScorecardJson.ToJson(district, indented: false);
            Console.WriteLine($"{"snapshot JSON of one district",-32} {clock.Elapsed.TotalMilliseconds,10:0.0} ms  "
                + $"({json.Length / 1024.0:0} K characters)");

            Console.WriteLine($"{"peak working set (read, score)",-32} "
                + $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0,10:0} MB  "
                + "(every record of the city in memory)");

            // The node runs in a process of its own, as the service would, so its peak is its own,
            // and with the runtime settings of the service's systemd unit.
            var unit = Path.Combine(root, "deploy", "notices.service");
            var settings = ServiceEnvironment(unit)
                .Where(s => Environment.GetEnvironmentVariable(s.Key) is null)
                .ToList();
            Console.WriteLine("annual bulletin node, end to end (a fresh process"
                + (settings.Count > 0 ? $", {string.Join(" ", settings.Select(s => $"{s.Key}={s.Value}"))} "
                    + $"from {Path.GetRelativePath(root, unit)}" : "") + "):");
            return await RunChildAsync(
                settings, "city-node", folder, "annual", database.Provider.ToString(), database.ConnectionString);
        }
        finally
        {
            // NOTICES_BENCH_KEEP=1 keeps the generated scheme, evidence and store, to run the
            // node alone again: city-node <folder> annual Sqlite <connection string>.
            if (Environment.GetEnvironmentVariable("NOTICES_BENCH_KEEP") == "1")
                Console.WriteLine($"kept {folder}");
            else
                Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// <c>city-import SCHEME EVIDENCE PROVIDER CONNECTION</c>: imports the evidence file into the
    /// store, as <c>notices evidence import</c> does, and prints its time and peak.
    /// </summary>
    public static async Task<int> ImportAsync(string[] args)
    {
        var scheme = SchemeLoader.Load(args[0]);
        var database = new Database(Enum.Parse<StoreProvider>(args[2]), args[3]);
        var store = new EvidenceStore(database, TimeProvider.System);
        await store.EnsureCreatedAsync();
        var clock = Stopwatch.StartNew();
        var summary = await store.ImportAsync([args[1]], scheme, "bench");
        Report("import (read, validate, store)", clock, summary.Rows);
        Console.WriteLine($"{"  peak working set of the import",-32} "
            + $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0,10:0} MB");
        return 0;
    }

    private static Task<int> RunChildAsync(params string[] args) => RunChildAsync([], args);

    private static async Task<int> RunChildAsync(
        IReadOnlyList<KeyValuePair<string, string>> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { ArgumentList = { typeof(CityBenchmark).Assembly.Location } };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    /// <summary>The variables a systemd unit's <c>Environment=NAME=value</c> lines set.</summary>
    internal static IReadOnlyList<KeyValuePair<string, string>> ServiceEnvironment(string unit) =>
        File.ReadLines(unit)
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("Environment=", StringComparison.Ordinal))
            .Select(line => line["Environment=".Length..].Split('=', 2))
            .Where(pair => pair.Length == 2)
            .Select(pair => KeyValuePair.Create(pair[0], pair[1]))
            .ToList();

    private static void Report(string what, Stopwatch clock, int rows) =>
        Console.WriteLine($"{what,-32} {clock.Elapsed.TotalMilliseconds,10:0} ms  "
            + $"{rows / clock.Elapsed.TotalSeconds,12:N0} rows/s");

}
