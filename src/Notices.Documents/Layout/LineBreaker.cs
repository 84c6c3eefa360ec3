namespace Notices.Documents.Layout;

/// <summary>
/// Breaks a paragraph's units into lines of a given width, greedily, then applies the 禁则
/// (<see cref="LineBreakRules"/>): when the next line would start with closing punctuation
/// the unit before it goes down too (推出), and opening punctuation at a line's end goes down
/// to the next line. A unit wider than a whole line gets a line of its own.
/// </summary>
public static class LineBreaker
{
    /// <summary>Finds the lines.</summary>
    /// <param name="units">The paragraph's units in order.</param>
    /// <param name="firstWidth">Room on the first line (after its indent).</param>
    /// <param name="width">Room on every other line.</param>
    public static List<LineSpan> Break(IReadOnlyList<TextUnit> units, double firstWidth, double width)
    {
        var lines = new List<LineSpan>();
        var start = 0;
        // Skip leading spaces of the paragraph.
        while (start < units.Count && units[start].IsSpace)
        {
            start++;
        }

        while (start < units.Count)
        {
            var room = lines.Count == 0 ? firstWidth : width;
            var end = start;
            var used = 0.0;
            // A little tolerance so a line of exactly 28 characters is not pushed over by
            // rounding.
            while (end < units.Count && used + units[end].Width <= room + 0.01)
            {
                used += units[end].Width;
                end++;
            }

            if (end == start)
            {
                end = start + 1;
            }
            else if (end < units.Count)
            {
                end = ApplyKinsoku(units, start, end);
            }

            var next = end;
            var last = end;
            while (last > start && units[last - 1].IsSpace)
            {
                last--;
            }

            while (next < units.Count && units[next].IsSpace)
            {
                next++;
            }

            var natural = 0.0;
            for (var k = start; k < last; k++)
            {
                natural += units[k].Width;
            }

            lines.Add(new LineSpan(start, last - start, natural, next >= units.Count));
            start = next;
        }

        return lines;
    }

    private static int ApplyKinsoku(IReadOnlyList<TextUnit> units, int start, int end)
    {
        // 推出: move units down until the next line starts acceptably and this line ends
        // acceptably; keep the greedy break rather than leave a line of one unit.
        for (var candidate = end; candidate > start + 1; candidate--)
        {
            var head = units[candidate];
            var badStart = !head.IsSpace && LineBreakRules.MayNotStartLine(head.First);
            if (!badStart && !LineBreakRules.MayNotEndLine(units[candidate - 1].Last))
            {
                return candidate;
            }
        }

        return end;
    }
}
