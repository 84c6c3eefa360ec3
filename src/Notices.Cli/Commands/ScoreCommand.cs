using System.CommandLine;
using Notices.Cli.Output;
using Notices.Core.Scoring;

namespace Notices.Cli.Commands;

/// <summary><c>notices score</c>: every unit's scores at an as-of date, from the store or a file.</summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var asOf = CliOptions.AsOf("Score with the facts dated on or before this day (default: today)");
        var evidence = new Option<string?>("--evidence")
        {
            Description = "Score this CSV or XLSX file directly, without storing it (default: the store)",
            HelpName = "FILE",
        };
        var format = new Option<string>("--format")
        {
            Description = "table (units as columns, like the seed's table), json (the spec's shape) or csv",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var district = CliOptions.District();

        var command = new Command("score", "Score every unit at a date, with each deduction's reason")
        {
            asOf, evidence, format, district,
        };
        command.SetRun(async (context, result, cancellationToken) =>
        {
            var scheme = context.Scheme;
            var date = result.GetValue(asOf) is { } text
                ? CliOptions.ParseDate(text, "--as-of")
                : DateOnly.FromDateTime(context.Time.GetLocalNow().DateTime);
            var records = await EvidenceSource.LoadAsync(context, scheme, result.GetValue(evidence), cancellationToken);
            var card = Scorer.Score(scheme, records, date);

            if (result.GetValue(district) is { } only)
            {
                var chosen = scheme.FindDistrict(only) ?? throw Unknown.District(scheme, only);
                card = card with { Units = card.For(chosen) };
            }

            switch (result.GetValue(format))
            {
                case "json":
                    await context.Out.WriteLineAsync(ScorecardJson.ToJson(card));
                    break;
                case "csv":
                    await context.Out.WriteAsync(ScorecardCsv.Render(card));
                    break;
                default:
                    foreach (var d in scheme.Districts.Where(d => card.For(d).Count > 0))
                        await context.Out.WriteLineAsync(ScoreTable.Render(card, d));
                    break;
            }
            return CommandRunner.Ok;
        });
        return command;
    }
}
