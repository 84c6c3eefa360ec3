using System.CommandLine;
using Notices.Cli.Output;
using Notices.Core.Scoring;
using Notices.Core.Evidence;
using Notices.Core.Schemes;
using Notices.Core.Storage;
using Notices.Documents.Bulletins;
using Notices.Documents.Fonts;
using Notices.Documents.Writers;

namespace Notices.Cli.Commands;

/// <summary>
/// <c>notices check</c>: validates the scheme and the store, and lists what is due, missing,
/// late or pending at a date, so a clerk knows what to chase before a node.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var asOf = CliOptions.AsOf("List what stands open at this day (default: today)");
        var evidence = new Option<string?>("--evidence")
        {
            Description = "Check this CSV or XLSX file instead of the store",
            HelpName = "FILE",
        };
        var horizon = new Option<int>("--days")
        {
            Description = "List deadlines this many days ahead as due",
            DefaultValueFactory = _ => 30,
        };
        var command = new Command(
            "check", "Validate the scheme and the store; list what is due, missing, late or pending")
        {
            asOf, evidence, horizon,
        };
        command.SetRun(async (context, result, cancellationToken) =>
        {
            var scheme = context.Scheme;
            await context.Out.WriteLineAsync(
                $"scheme  {context.Settings.Scheme}: {scheme.Year}, {scheme.Categories.Count} categories, " +
                $"{scheme.Items.Count} items, {scheme.Max} points, {scheme.Districts.Count} district(s), " +
                $"{scheme.Units.Count} units: valid");

            var file = result.GetValue(evidence);
            var records = await EvidenceSource.LoadAsync(context, scheme, file, cancellationToken);
            var where = file ?? (context.Store.Provider == StoreProvider.Sqlite
                ? context.Settings.Store.Path
                : "PostgreSQL");
            await context.Out.WriteLineAsync(
                $"evidence {where}: {records.Count(r => r.HasFact)} facts, " +
                $"{records.Count(r => r.Voids is not null)} withdrawals: valid");

            await ReportFontsAsync(context, scheme, records, cancellationToken);

            var date = result.GetValue(asOf) is { } text
                ? CliOptions.ParseDate(text, "--as-of")
                : DateOnly.FromDateTime(context.Time.GetLocalNow().DateTime);
            var entries = Checklist.Build(scheme, records, date, result.GetValue(horizon));
            await context.Out.WriteLineAsync();
            if (entries.Count == 0)
            {
                await context.Out.WriteLineAsync($"Nothing open at {date:yyyy-MM-dd}.");
                return CommandRunner.Ok;
            }

            var table = new TextTable("deadline", "unit", "item", "state", "detail");
            foreach (var entry in entries)
            {
                table.Add(entry.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    entry.Unit.Id, entry.Item.Id, entry.State.ToString().ToLowerInvariant(), entry.Detail);
            }
            await context.Out.WriteLineAsync($"Open at {date:yyyy-MM-dd}: {entries.Count}");
            await context.Out.WriteAsync(table.ToString());
            return CommandRunner.Ok;
        });
        return command;
    }

    /// <summary>
    /// The font file serving each role, and any character of the bulletins as they would be
    /// rendered today that the resolved fonts lack (it would print as an empty box).
    /// </summary>
    private static async Task ReportFontsAsync(
        CliContext context, Scheme scheme, IReadOnlyList<EvidenceRecord> records, CancellationToken cancellationToken)
    {
        var fonts = FontSet.Resolve(new FontSearchOptions(context.Settings.Fonts));
        await context.Out.WriteLineAsync("fonts:");
        foreach (var line in fonts.Report.ToString().Split(Environment.NewLine))
            await context.Out.WriteLineAsync($"  {line}");

        var composer = new BulletinComposer();
        var characters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var bulletin in scheme.Bulletins)
        {
            var card = Scorer.Score(scheme, records, bulletin.Date);
            foreach (var district in scheme.Districts)
            {
                var request = new BulletinRequest(scheme, district, card, BulletinInfo.For(scheme, district, bulletin),
                    Path.GetFullPath(context.Settings.Templates));
                characters.UnionWith(DocumentText.Characters(composer.Compose(request, cancellationToken)));
            }
        }

        var missing = fonts.MissingGlyphs(string.Concat(characters));
        if (missing.Count == 0)
        {
            await context.Out.WriteLineAsync(
                $"  every character of the bulletins ({characters.Count} distinct) is in every role's font");
            return;
        }
        foreach (var (role, lacking) in missing)
            await context.Out.WriteLineAsync($"  {role} lacks {lacking.Count}: {string.Join(" ", lacking.Take(40))}");
    }
}
