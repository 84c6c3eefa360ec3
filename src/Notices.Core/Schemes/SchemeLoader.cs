using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Notices.Core.Schemes;

/// <summary>
/// Reads and validates a scheme file (YAML). Every problem is collected with its line and key
/// path and reported at once: an unknown key, a missing field, a node that is not a date of
/// the year, maxima that do not add up, a rule whose fact is not declared or whose fields do
/// not fit its kind.
/// </summary>
public static partial class SchemeLoader
{
    /// <summary>Loads the scheme at <paramref name="path"/>.</summary>
    /// <exception cref="ProblemException">The file is missing, is not YAML, or has problems.</exception>
    public static Scheme Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ProblemException(new Problem(path, 0, "",
                "scheme file not found; give its path with --scheme or the Scheme setting"));
        }

        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Parse(reader, Path.GetFileName(path));
    }

    /// <summary>
    /// Parses scheme YAML from <paramref name="reader"/>; <paramref name="file"/> names it in problems.
    /// </summary>
    /// <exception cref="ProblemException">The text is not YAML or has problems.</exception>
    public static Scheme Parse(TextReader reader, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new ProblemException(new Problem(file, (int)e.Start.Line, $"column {e.Start.Column}",
                $"not valid YAML: {e.InnerException?.Message ?? e.Message}"));
        }
        catch (InvalidOperationException e)
        {
            // The YAML scanner gives up without a position on some unclosed flow collections.
            throw new ProblemException(new Problem(file, 0, "",
                $"not valid YAML ({e.Message}); look for an unclosed [ or {{"));
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new ProblemException(
                new Problem(file, 1, "", "the scheme file must be a YAML mapping (year:, title:, …)"));

        var reading = new SchemeReading(file);
        var scheme = reading.Read(root);
        if (reading.Problems.Count > 0 || scheme is null)
            throw new ProblemException(reading.Problems);
        return scheme;
    }

    [GeneratedRegex(@"^(\d{2})-(\d{2})$")]
    internal static partial Regex MonthDay();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*$")]
    internal static partial Regex DistrictId();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    internal static partial Regex Address();

    internal static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}
