using System.Globalization;

namespace Notices.Documents.Bulletins;

/// <summary>How scores print: at most one decimal, no trailing zero (62, 58.7).</summary>
public static class Points
{
    /// <summary>Formats a score or deduction.</summary>
    public static string Format(decimal value) =>
        value.ToString("0.#", CultureInfo.InvariantCulture);
}
