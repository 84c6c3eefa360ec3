using System.CommandLine;
using System.Globalization;

namespace Notices.Cli.Commands;

/// <summary>Options and arguments several commands share, and how they are read.</summary>
internal static class CliOptions
{
    public static Option<string?> AsOf(string description) => new("--as-of")
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
    };

    public static Option<string?> District() => new("--district")
    {
        Description = "Only this district (its id or name); default: every district",
    };

    /// <summary>Reads an --as-of value, or says what a date looks like.</summary>
    public static DateOnly ParseDate(string text, string option)
    {
        if (DateOnly.TryParseExact(
                text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        throw new Core.ProblemException(new Core.Problem(option, 0, "",
            $"\"{text}\" is not a date; write YYYY-MM-DD, e.g. 2021-06-25"));
    }
}
