using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Notices.Core.Storage;

namespace Notices.Cli.Commands;

/// <summary>
/// <c>notices evidence import FILE...</c>, <c>notices evidence list [--unit U] [--item I]</c> and
/// <c>notices evidence void ID --reason TEXT</c> and <c>notices evidence history</c>: the evidence
/// store from the command line.
/// </summary>
internal static class EvidenceCommand
{
    public static Command Create()
    {
        var command = new Command("evidence", "Import, list and withdraw evidence records in the store");
        command.Subcommands.Add(CreateImport());
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreateVoid());
        command.Subcommands.Add(CreateHistory());
        return command;
    }

    /// <summary>Who imports or withdraws: the setting Store:ImportedBy, else the login name.</summary>
    private static string Who(CliContext context) =>
        context.Configuration["Store:ImportedBy"] is { Length: > 0 } name ? name : Environment.UserName;

    private static EvidenceStore Store(CliContext context) => new(context.Store, context.Time);

    private static Command CreateImport()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Evidence files (.csv or .xlsx); all are stored, or none",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("import", "Check evidence files and store their records in one transaction");
        command.Arguments.Add(files);
        command.SetRun(async (context, result, cancellationToken) =>
        {
            var paths = result.GetValue(files) ?? [];
            var summary = await Store(context).ImportAsync(paths, context.Scheme, Who(context),
                cancellationToken);
            var log = context.Loggers.CreateLogger("notices.evidence");
            foreach (var file in summary.Files)
            {
                log.LogInformation("Imported {File} as import {Key}: {Rows} records, {Withdrawals} withdrawals",
                    file.FileName, file.ImportKey, file.Rows, file.Withdrawals);
                var withdrawals = file.Withdrawals > 0 ? $", {file.Withdrawals} of them withdrawals" : "";
                await context.Out.WriteLineAsync(
                    $"{file.FileName}: {file.Rows} records{withdrawals} (import {file.ImportKey})");
            }
            await context.Out.WriteLineAsync(
                $"Imported {summary.Files.Count} file(s), {summary.Rows} records.");
            return CommandRunner.Ok;
        });
        return command;
    }

    private static Command CreateList()
    {
        var unitOption = new Option<string?>("--unit")
        {
            Description = "Only this unit (城关 or 城关街道办事处)",
        };
        var itemOption = new Option<string?>("--item") { Description = "Only this item (1.1)" };
        var command = new Command("list", "List stored records, with their source and withdrawals");
        command.Options.Add(unitOption);
        command.Options.Add(itemOption);
        command.SetRun(async (context, result, cancellationToken) =>
        {
            var unit = result.GetValue(unitOption)?.Trim();
            var item = result.GetValue(itemOption)?.Trim();
            if (unit is not null)
            {
                // Accept the full name too, as evidence files do.
                if (context.Scheme.FindUnit(unit) is not { } found)
                {
                    var names = string.Join(", ", context.Scheme.Units.Select(u => u.Id));
                    await context.Error.WriteLineAsync(
                        $"--unit: \"{unit}\" is not a unit of the scheme; write one of {names}.");
                    return 2;
                }
                unit = found.Id;
            }

            var rows = await Store(context).ListAsync(unit, item, cancellationToken);
            if (rows.Count == 0)
            {
                await context.Out.WriteLineAsync("No records.");
                return CommandRunner.Ok;
            }

            var table = new List<string[]>
            {
                new[] { "key", "id", "unit", "item", "fact", "value", "date", "note", "source", "withdrawn" },
            };
            foreach (var row in rows)
            {
                var r = row.Record;
                var id = r.Id is { } own && own != $"#{r.Source.Key}" ? own : "";
                var source = r.Source.Line > 0 ? $"{r.Source.File}:{r.Source.Line}" : r.Source.File;
                var note = r.Voids is { } voids
                    ? $"withdraws {voids}" + (r.Note is null ? "" : $": {r.Note}")
                    : r.Note ?? "";
                table.Add(
                [
                    $"#{r.Source.Key}",
                    id,
                    r.Unit ?? "",
                    r.Item ?? "",
                    r.Fact ?? "",
                    r.Value?.ToString(CultureInfo.InvariantCulture) ?? "",
                    r.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                    OneLine(note),
                    source,
                    row.WithdrawnBy is { } by ? $"withdrawn by {by}" : "",
                ]);
            }
            await context.Out.WriteAsync(Render(table));
            await context.Out.WriteLineAsync(
                $"{rows.Count} records, {rows.Count(r => r.WithdrawnBy is not null)} withdrawn.");
            return CommandRunner.Ok;
        });
        return command;
    }

    private static Command CreateVoid()
    {
        var idArgument = new Argument<string>("ID") { Description = "The record's id, or its key as #17" };
        var reasonOption = new Option<string>("--reason")
        {
            Description = "Why the record is withdrawn (kept as the withdrawal's note)",
            Required = true,
        };
        var command = new Command("void", "Withdraw a stored record; it stays on file and no longer counts");
        command.Arguments.Add(idArgument);
        command.Options.Add(reasonOption);
        command.SetRun(async (context, result, cancellationToken) =>
        {
            var id = result.GetValue(idArgument)!;
            var reason = result.GetValue(reasonOption) ?? "";
            var who = Who(context);
            var withdrawal = await Store(context).VoidAsync(id, reason, who, cancellationToken);
            context.Loggers.CreateLogger("notices.evidence").LogInformation(
                "{By} withdrew {Target} by record {Key}: {Reason}",
                who, withdrawal.Voids, withdrawal.Source.Key, withdrawal.Note);
            await context.Out.WriteLineAsync(
                $"Withdrew {withdrawal.Voids} (withdrawal record #{withdrawal.Source.Key}).");
            return CommandRunner.Ok;
        });
        return command;
    }

    private static Command CreateHistory()
    {
        var command = new Command("history", "List the imports and withdrawals made: when, by whom, which file");
        command.SetRun(async (context, result, cancellationToken) =>
        {
            var imports = await Store(context).HistoryAsync(cancellationToken);
            if (imports.Count == 0)
            {
                await context.Out.WriteLineAsync("Nothing imported yet.");
                return CommandRunner.Ok;
            }

            var table = new List<string[]> { new[] { "import", "at (UTC)", "by", "records", "file", "sha256" } };
            foreach (var import in imports)
            {
                table.Add(
                [
                    import.Key.ToString(CultureInfo.InvariantCulture),
                    import.ImportedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    import.ImportedBy,
                    import.Rows.ToString(CultureInfo.InvariantCulture),
                    import.FileName,
                    import.Sha256?[..12] ?? "",
                ]);
            }
            await context.Out.WriteAsync(Render(table));
            return CommandRunner.Ok;
        });
        return command;
    }

    private static string OneLine(string text) =>
        text.ReplaceLineEndings(" ");

    /// <summary>Left-aligned columns padded by display width (a Chinese character takes two).</summary>
    internal static string Render(List<string[]> table)
    {
        var widths = new int[table[0].Length];
        foreach (var row in table)
        {
            for (var i = 0; i < row.Length; i++)
                widths[i] = Math.Max(widths[i], Width(row[i]));
        }

        var text = new StringBuilder();
        foreach (var row in table)
        {
            var line = new StringBuilder();
            for (var i = 0; i < row.Length; i++)
            {
                line.Append(row[i]);
                if (i < row.Length - 1)
                    line.Append(' ', widths[i] - Width(row[i]) + 2);
            }
            text.Append(line.ToString().TrimEnd()).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Terminal columns: CJK, full-width forms and Hangul take two.</summary>
    internal static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            var wide = v is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF
                or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F
                or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000 and <= 0x3FFFD;
            width += wide ? 2 : 1;
        }
        return width;
    }
}
