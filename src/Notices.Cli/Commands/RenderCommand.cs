using System.CommandLine;
using Microsoft.Extensions.Logging;
using Notices.Core.Scoring;
using Notices.Documents.Bulletins;
using Notices.Documents.Pdf;

namespace Notices.Cli.Commands;

/// <summary>
/// <c>notices render half-year|q3|annual</c>: scores the store (or an evidence file) at the
/// bulletin's node and writes each district's DOCX, PDF, web posting, open-data files and
/// manifest under <c>output/&lt;year&gt;/&lt;kind&gt;/&lt;district&gt;/</c>.
/// </summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var kind = new Argument<string>("kind")
        {
            Description = "Which bulletin: half-year (06-25), q3 (09-25) or annual (12-25)",
        };
        kind.AcceptOnlyFromAmong("half-year", "q3", "annual");
        var district = CliOptions.District();
        var asOf = CliOptions.AsOf("Score the facts dated on or before this day (default: the bulletin's node)");
        var output = new Option<string?>("--out")
        {
            Description = "The output root (default: the Output setting, output/)",
            HelpName = "DIR",
        };
        var draft = new Option<bool>("--draft")
        {
            Description = "Render a draft for comment (征求意见稿 on every page), even with pending items",
        };
        var evidence = new Option<string?>("--evidence")
        {
            Description = "Score this CSV or XLSX file directly, without storing it (default: the store)",
            HelpName = "FILE",
        };

        var command = new Command("render", "Render the bulletins (DOCX, PDF) and the web posting of one kind")
        {
            kind, district, asOf, output, draft, evidence,
        };
        command.SetRun(async (context, result, cancellationToken) =>
        {
            var log = context.Loggers.CreateLogger("render");
            var scheme = context.Scheme;
            var node = scheme.FindBulletin(result.GetValue(kind)!) ?? throw Unknown.Bulletin(scheme,
                result.GetValue(kind)!);
            var date = result.GetValue(asOf) is { } text ? CliOptions.ParseDate(text, "--as-of") : node.Date;
            var districts = result.GetValue(district) is { } only
                ? [scheme.FindDistrict(only) ?? throw Unknown.District(scheme, only)]
                : scheme.Districts;

            var records = await EvidenceSource.LoadAsync(context, scheme, result.GetValue(evidence), cancellationToken);
            var card = Scorer.Score(scheme, records, date);
            var root = Path.GetFullPath(result.GetValue(output) ?? context.Settings.Output);
            var renderer = new BulletinRenderer(context.CreatePdfWriter());

            foreach (var chosen in districts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var request = new BulletinRequest(scheme, chosen, card, BulletinInfo.For(scheme, chosen, node),
                    Path.GetFullPath(context.Settings.Templates), result.GetValue(draft));
                var rendered = renderer.Render(request, root, cancellationToken);
                log.LogInformation("Rendered the {Kind} bulletin of {District} as of {AsOf}: {Files} files in {Folder}",
                    node.Kind, chosen.Name, date.ToString("yyyy-MM-dd",
                        System.Globalization.CultureInfo.InvariantCulture),
                    rendered.Files.Count, rendered.Folder);
                await context.Out.WriteLineAsync(rendered.Folder);
            }
            return CommandRunner.Ok;
        });
        return command;
    }
}
