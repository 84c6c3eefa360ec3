using Notices.Documents.Layout;
using Notices.Documents.Model;
using PdfSharp.Drawing;

namespace Notices.Documents.Pdf;

/// <summary>
/// Sets a ruled table as wide as the text block. The body rows are laid out as one tall
/// strip; each page shows a window of it under a fresh copy of the header rows. A window
/// ends at a row boundary when the next row fits on a page of its own, else inside the row
/// but never through a line of text, so rows split across pages and cells spanning rows
/// (the seed table's category cells) are drawn in part on each page they reach.
/// </summary>
internal sealed class PdfTableSetter
{
    private const double LineSpacing = 1.35;
    private const double VerticalPaddingMm = 1.2;

    private readonly OfficialLayout _layout;
    private readonly PdfTextEngine _text;

    public PdfTableSetter(OfficialLayout layout, PdfTextEngine text)
    {
        _layout = layout;
        _text = text;
    }

    public void Set(Table table, PageCursor cursor)
    {
        if (table.Rows.Count == 0)
        {
            return;
        }

        cursor.Ensure(0);
        var columns = ColumnEdges(table, cursor.Left, cursor.Width);
        var cells = table.Place()
            .Select(p => Lay(p, columns))
            .ToList();
        var heights = RowHeights(table.Rows.Count, cells);
        var headerRows = Math.Clamp(table.HeaderRows, 0, table.Rows.Count);

        var header = cells.Where(c => c.Placed.Row < headerRows).ToList();
        var body = cells.Where(c => c.Placed.Row >= headerRows).ToList();
        var headerY = Offsets(heights, 0, headerRows);
        var bodyY = Offsets(heights, headerRows, table.Rows.Count);
        var headerHeight = headerY[^1];
        var total = bodyY[^1];

        var start = 0.0;
        var first = true;
        while (first || start < total - 0.01)
        {
            var room = cursor.Room - headerHeight;
            var minimum = total - start < 1 ? 0 : Math.Min(heights[headerRows], 2 * RowLine());
            if (room < minimum && !cursor.AtTop)
            {
                cursor.NewPage(cursor.Landscape);
                continue;
            }

            var end = total - start <= room
                ? total
                : BreakAt(table, start, start + room, cursor.Bottom - cursor.Top - headerHeight,
                    bodyY, heights, headerRows, body);
            DrawWindow(cursor.Gfx, header, headerY, 0, headerHeight, cursor.Y, 0);
            DrawWindow(cursor.Gfx, body, bodyY, start, end, cursor.Y + headerHeight, headerRows);
            cursor.Y += headerHeight + (end - start);
            start = end;
            first = false;
            if (start < total - 0.01)
            {
                cursor.NewPage(cursor.Landscape);
            }
        }
    }

    private double RowLine() => _layout.TableSizePt * LineSpacing;

    private static double[] ColumnEdges(Table table, double left, double width)
    {
        var sum = table.ColumnWidths.Sum();
        var edges = new double[table.ColumnWidths.Count + 1];
        edges[0] = left;
        for (var c = 0; c < table.ColumnWidths.Count; c++)
        {
            edges[c + 1] = edges[c] + (width * table.ColumnWidths[c] / sum);
        }

        return edges;
    }

    private LaidCell Lay(PlacedCell placed, double[] columns)
    {
        var x = columns[placed.Column];
        var w = columns[placed.LastColumn + 1] - x;
        var padding = PageSetup.Points(_layout.CellPaddingMm);
        var inner = Math.Max(1, w - (2 * padding));
        var lines = new List<CellLine>();
        var offset = 0.0;
        foreach (var paragraph in placed.Cell.Paragraphs)
        {
            var style = _layout.Style(paragraph.Role);
            var pitch = style.SizePt * LineSpacing;
            var units = _text.Units(paragraph.Runs, style.Font, style.SizePt, style.Bold, style.Color);
            var alignment = paragraph.Alignment ?? placed.Cell.Alignment;
            foreach (var span in LineBreaker.Break(units, inner, inner))
            {
                lines.Add(new CellLine(units, span, offset, pitch, style.SizePt, alignment));
                offset += pitch;
            }
        }

        var content = offset + (2 * PageSetup.Points(VerticalPaddingMm));
        return new LaidCell(placed, x + padding, inner, x, w, lines, offset, content);
    }

    private double[] RowHeights(int rows, List<LaidCell> cells)
    {
        var heights = new double[rows];
        var least = RowLine() + (2 * PageSetup.Points(VerticalPaddingMm));
        Array.Fill(heights, least);
        foreach (var cell in cells.Where(c => c.Placed.Cell.RowSpan == 1))
        {
            heights[cell.Placed.Row] = Math.Max(heights[cell.Placed.Row], cell.Needed);
        }

        // A cell spanning rows gets the room it needs from the last row it covers.
        foreach (var cell in cells.Where(c => c.Placed.Cell.RowSpan > 1)
            .OrderBy(c => c.Placed.Cell.RowSpan))
        {
            var last = Math.Min(rows - 1, cell.Placed.LastRow);
            var have = 0.0;
            for (var r = cell.Placed.Row; r <= last; r++)
            {
                have += heights[r];
            }

            if (have < cell.Needed)
            {
                heights[last] += cell.Needed - have;
            }
        }

        return heights;
    }

    private static double[] Offsets(double[] heights, int from, int to)
    {
        var offsets = new double[to - from + 1];
        for (var r = from; r < to; r++)
        {
            offsets[r - from + 1] = offsets[r - from] + heights[r];
        }

        return offsets;
    }

    private static double BreakAt(
        Table table,
        double start,
        double limit,
        double pageRoom,
        double[] bodyY,
        double[] heights,
        int headerRows,
        List<LaidCell> body)
    {
        // The row the limit falls in (body rows are numbered from 0 here).
        var row = 0;
        while (row + 1 < bodyY.Length - 1 && bodyY[row + 1] <= limit)
        {
            row++;
        }

        var rowTop = bodyY[row];
        var fitsAlone = heights[headerRows + row] <= pageRoom;
        var canSplit = table.Rows[headerRows + row].CanSplit;
        if (rowTop > start + 0.01 && (fitsAlone || !canSplit))
        {
            return rowTop;
        }

        // Split inside the row, above any line of text the limit would cut.
        var end = limit;
        foreach (var cell in body)
        {
            var top = bodyY[cell.Placed.Row - headerRows];
            var bottom = bodyY[Math.Min(bodyY.Length - 1, cell.Placed.LastRow - headerRows + 1)];
            if (top >= end || bottom <= end)
            {
                continue;
            }

            var textTop = top + ((bottom - top - cell.TextHeight) / 2);
            foreach (var line in cell.Lines)
            {
                var lineTop = textTop + line.Offset;
                if (lineTop < end && lineTop + line.Pitch > end)
                {
                    end = lineTop;
                }
            }
        }

        return end > start + 1 ? end : limit;
    }

    private void DrawWindow(
        XGraphics gfx,
        List<LaidCell> cells,
        double[] rowY,
        double from,
        double to,
        double pageY,
        int firstRow)
    {
        var pen = new XPen(XColors.Black, _layout.TableRuleWidthPt);
        foreach (var cell in cells)
        {
            var top = rowY[cell.Placed.Row - firstRow];
            var bottom = rowY[Math.Min(rowY.Length - 1, cell.Placed.LastRow - firstRow + 1)];
            if (bottom <= from + 0.01 || top >= to - 0.01)
            {
                continue;
            }

            var visibleTop = Math.Max(top, from);
            var visibleBottom = Math.Min(bottom, to);
            gfx.DrawRectangle(pen, new XRect(
                cell.BoxX, pageY + (visibleTop - from), cell.BoxWidth, visibleBottom - visibleTop));

            var textTop = top + ((bottom - top - cell.TextHeight) / 2);
            foreach (var line in cell.Lines)
            {
                var lineTop = textTop + line.Offset;
                if (lineTop < from - 0.01 || lineTop + line.Pitch > to + 0.01)
                {
                    continue;
                }

                var slot = pageY + (lineTop - from);
                var baseline = PdfTextEngine.Baseline(slot, line.Pitch, line.Size);
                _text.DrawLine(gfx, line.Units, line.Span, cell.TextX, cell.TextWidth,
                    line.Alignment, baseline);
            }
        }
    }

    private sealed record LaidCell(
        PlacedCell Placed,
        double TextX,
        double TextWidth,
        double BoxX,
        double BoxWidth,
        List<CellLine> Lines,
        double TextHeight,
        double Needed);
}
