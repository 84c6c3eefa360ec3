using System.Globalization;
using System.Text;

namespace Notices.Cli.Output;

/// <summary>
/// A plain-text table for the terminal, aligned by display width: a Chinese character takes
/// two columns, so 城关 lines up with 4.0.
/// </summary>
internal sealed class TextTable
{
    private readonly List<string[]> rows = [];
    private readonly HashSet<int> rulesBefore = [];
    private readonly bool[] rightAligned;

    public TextTable(params string[] header)
    {
        rows.Add(header);
        rightAligned = new bool[header.Length];
    }

    public TextTable AlignRight(params int[] columns)
    {
        foreach (var c in columns)
            rightAligned[c] = true;
        return this;
    }

    public void Add(params string[] cells) => rows.Add(cells);

    /// <summary>Draws a rule above the next row added.</summary>
    public void Rule() => rulesBefore.Add(rows.Count);

    public override string ToString()
    {
        var widths = new int[rows[0].Length];
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
                widths[c] = Math.Max(widths[c], Width(row[c]));
        }

        var text = new StringBuilder();
        var rule = new string('-', widths.Sum() + 2 * (widths.Length - 1));
        for (var r = 0; r < rows.Count; r++)
        {
            if (r == 1 || rulesBefore.Contains(r))
                text.AppendLine(rule);
            var line = new StringBuilder();
            for (var c = 0; c < rows[r].Length; c++)
            {
                var pad = new string(' ', widths[c] - Width(rows[r][c]));
                line.Append(rightAligned[c] ? pad + rows[r][c] : rows[r][c] + pad);
                if (c < rows[r].Length - 1)
                    line.Append("  ");
            }
            text.AppendLine(line.ToString().TrimEnd());
        }
        return text.ToString();
    }

    /// <summary>Terminal columns taken by <paramref name="text"/>: two for East Asian wide characters.</summary>
    public static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
            width += IsWide(rune) ? 2 : 1;
        return width;
    }

    private static bool IsWide(Rune rune) =>
        rune.Value is >= 0x1100 and <= 0x115F
            or >= 0x2E80 and <= 0xA4CF
            or >= 0xAC00 and <= 0xD7A3
            or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F
            or >= 0xFF00 and <= 0xFF60
            or >= 0xFFE0 and <= 0xFFE6
            or >= 0x20000 and <= 0x3FFFD
        || Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherLetter && rune.Value >= 0x3000;
}
