using System.CommandLine;
using Microsoft.Extensions.Logging;
using Notices.Cli.Output;
using Notices.Core.Scoring;
using Notices.Core.Storage;

namespace Notices.Cli.Commands;

/// <summary>
/// <c>notices demo</c>: the whole year on the seed scheme and the sample evidence, in a store
/// of its own under the output folder: import, then the score table at each bulletin node.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var evidence = new Option<string>("--evidence")
        {
            Description = "The sample evidence file",
            DefaultValueFactory = _ => "seeds/evidence-2021.csv",
            HelpName = "FILE",
        };
        var command = new Command("demo", "Run the year on the sample evidence: import, score at each bulletin node")
        {
            evidence,
        };
        command.SetRun(async (context, result, cancellationToken) =>
        {
            var log = context.Loggers.CreateLogger("demo");
            var scheme = context.Scheme;
            var folder = Path.GetFullPath(Path.Combine(context.Settings.Output, "demo"));
            Directory.CreateDirectory(folder);

            // The demo keeps its own store, made afresh each run, so it never touches real evidence.
            var storePath = Path.Combine(folder, "notices.db");
            foreach (var stale in new[] { storePath, storePath + "-wal", storePath + "-shm" })
                File.Delete(stale);
            var store = new EvidenceStore(Database.Sqlite(storePath), context.Time);
            await store.EnsureCreatedAsync(cancellationToken);

            var file = result.GetValue(evidence)!;
            var summary = await store.ImportAsync([file], scheme, "demo", cancellationToken);
            log.LogInformation("Imported {Rows} rows from {File} into {Store}", summary.Rows, file, storePath);
            var records = await store.LoadAsync(cancellationToken);

            foreach (var bulletin in scheme.Bulletins)
            {
                var card = Scorer.Score(scheme, records, bulletin.Date);
                foreach (var district in scheme.Districts)
                {
                    await context.Out.WriteLineAsync($"== {bulletin.Period} ({bulletin.Kind}) ==");
                    await context.Out.WriteLineAsync(ScoreTable.Render(card, district));
                }
            }

            await context.Out.WriteLineAsync($"Demo store: {storePath}");
            return CommandRunner.Ok;
        });
        return command;
    }
}
