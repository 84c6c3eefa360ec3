using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Notices.Cli.Output;
using Notices.Core.Scoring;
using Notices.Core.Storage;
using Notices.Delivery;
using Notices.Documents.Bulletins;

namespace Notices.Cli.Commands;

/// <summary>
/// <c>notices demo</c>: the year on the seed scheme and the sample evidence, in a store of its
/// own under the output folder: import; at each bulletin node the score table, the bulletin
/// of every district rendered (DOCX, PDF, posting) and mailed to the pickup folder.
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
        var command = new Command(
            "demo", "Run the year on the sample evidence: import, score, render and mail each bulletin")
        {
            evidence,
        };
        command.SetRun(async (context, result, cancellationToken) =>
        {
            var log = context.Loggers.CreateLogger("demo");
            var scheme = context.Scheme;
            var output = Path.GetFullPath(context.Settings.Output);
            var folder = Path.Combine(output, "demo");
            Directory.CreateDirectory(folder);

            // The demo keeps its own store and pickup folder, made afresh each run, so it never
            // touches real evidence and never mails anyone, whatever the settings say.
            var storePath = Path.Combine(folder, "notices.db");
            foreach (var stale in new[] { storePath, storePath + "-wal", storePath + "-shm" })
                File.Delete(stale);
            var pickup = Path.Combine(folder, "mail-pickup");
            if (Directory.Exists(pickup))
                Directory.Delete(pickup, recursive: true);
            var database = Database.Sqlite(storePath);
            var store = new EvidenceStore(database, context.Time);
            await store.EnsureCreatedAsync(cancellationToken);

            var file = result.GetValue(evidence)!;
            var summary = await store.ImportAsync([file], scheme, "demo", cancellationToken);
            log.LogInformation("Imported {Rows} rows from {File} into {Store}", summary.Rows, file, storePath);
            var records = await store.LoadAsync(cancellationToken);

            var smtp = new SmtpSettings { PickupFolder = pickup };
            var delivery = new BulletinDelivery(database, smtp, context.Settings.Templates, output, context.Time);
            var renderer = new BulletinRenderer(context.CreatePdfWriter());
            var folders = new List<string>();
            var step = 0;
            var steps = scheme.Bulletins.Count * scheme.Districts.Count;

            foreach (var bulletin in scheme.Bulletins)
            {
                var card = Scorer.Score(scheme, records, bulletin.Date);
                foreach (var district in scheme.Districts)
                {
                    step++;
                    await context.Out.WriteLineAsync($"== {bulletin.Period} ({bulletin.Kind}) ==");
                    await context.Out.WriteLineAsync(ScoreTable.Render(card, district));

                    var clock = Stopwatch.StartNew();
                    var request = new BulletinRequest(
                        scheme,
                        district,
                        card,
                        BulletinInfo.For(scheme, district, bulletin),
                        Path.GetFullPath(context.Settings.Templates),
                        Draft: card.For(district).Any(u => u.Items.Any(i => i.Status == ItemStatus.Pending)));
                    var rendered = renderer.Render(request, output, cancellationToken);
                    var messages = await delivery.DeliverAsync(scheme, bulletin.Kind, district, cancellationToken);
                    folders.Add(rendered.Folder);
                    log.LogInformation(
                        "[{Step}/{Steps}] {Kind} bulletin of {District}: "
                        + "{Files} files, {Messages} messages, {Ms} ms",
                        step, steps, bulletin.Kind, district.Name,
                        rendered.Files.Count, messages.Count, clock.ElapsedMilliseconds);
                }
            }

            await context.Out.WriteLineAsync("Bulletins (DOCX, PDF, web posting index.html, scores.csv, scores.json):");
            foreach (var path in folders)
                await context.Out.WriteLineAsync($"  {path}");
            await context.Out.WriteLineAsync($"Mail (one .eml per recipient): {pickup}");
            await context.Out.WriteLineAsync($"Demo store: {storePath}");
            return CommandRunner.Ok;
        });
        return command;
    }
}
