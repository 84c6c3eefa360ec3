using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Notices.Core.Evidence;

/// <summary>
/// Reads the first sheet of a workbook into rows of text, as a clerk sees the cells: shared and
/// inline strings as text, numbers in invariant culture, and numbers formatted as dates
/// (Excel stores a date as a day count) as ISO dates, so the reader has one date grammar.
/// </summary>
internal static class XlsxRows
{
    // ECMA-376 Part 1 §18.8.30: the built-in number formats that show a date or a time.
    private static readonly HashSet<uint> BuiltInDateFormats =
    [
        14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36,
        45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
    ];

    /// <summary>Reads the first sheet; each row keeps its sheet row number.</summary>
    /// <exception cref="ProblemException">The stream is not a workbook or has no sheet.</exception>
    public static List<EvidenceRow> Read(Stream stream, string file)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException
            or FileFormatException)
        {
            throw new ProblemException(new Problem(file, 0, "",
                "is not an Excel workbook (.xlsx) that can be read; save it from Excel as "
                + "\"Excel 工作簿 (*.xlsx)\" or as CSV"));
        }

        using (document)
        {
            var workbookPart = document.WorkbookPart;
            var sheet = workbookPart?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbookPart is null || sheet?.Id?.Value is not { } sheetId)
                throw new ProblemException(new Problem(file, 0, "", "the workbook has no sheet"));

            if (workbookPart.GetPartById(sheetId) is not WorksheetPart worksheet)
            {
                throw new ProblemException(new Problem(file, 0, "",
                    $"the first sheet, \"{sheet.Name?.Value}\", is a chart, not a table; "
                    + "move the evidence table to the first sheet"));
            }
            var strings = workbookPart.SharedStringTablePart?.SharedStringTable
                .Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var dateStyles = DateStyles(workbookPart);
            var date1904 = workbookPart.Workbook.WorkbookProperties?.Date1904?.Value == true;

            var rows = new List<EvidenceRow>();
            var nextRow = 1;
            foreach (var row in worksheet.Worksheet.Descendants<Row>())
            {
                var number = (int?)row.RowIndex?.Value ?? nextRow;
                nextRow = number + 1;
                var cells = new List<string>();
                var nextColumn = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference
                        ? ColumnIndex(reference)
                        : nextColumn;
                    while (cells.Count < column)
                        cells.Add("");
                    cells.Add(Text(cell, strings, dateStyles, date1904));
                    nextColumn = column + 1;
                }
                rows.Add(new EvidenceRow(number, cells));
            }
            return rows;
        }
    }

    private static string Text(Cell cell, string[] strings, HashSet<uint> dateStyles, bool date1904)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < strings.Length ? strings[index] : "";
        }
        if (type == CellValues.InlineString)
            return cell.InlineString?.InnerText ?? "";
        if (type == CellValues.Boolean)
            return raw == "1" ? "TRUE" : "FALSE";
        if (type == CellValues.Date)
        {
            // ISO 8601 date-time cells (rare; strict Open XML): keep the day.
            return raw.Length >= 10 ? raw[..10] : raw;
        }
        if (type is null || type == CellValues.Number)
        {
            if (raw.Length == 0)
                return "";
            var isDate = cell.StyleIndex?.Value is { } style && dateStyles.Contains(style);
            if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                return raw;
            if (isDate)
                return SerialToDate(number, date1904) ?? raw;

            // Excel stores numbers as binary doubles; 1.6 may come back as 1.6000000000000001.
            // Ten decimals is far beyond any evidence value and drops that noise.
            return number.ToString("0.##########", CultureInfo.InvariantCulture);
        }
        return raw;
    }

    /// <summary>
    /// Excel's day count to an ISO date. 1900 system: day 1 is 1900-01-01 and day 60 is the
    /// non-existent 1900-02-29 (kept from Lotus 1-2-3), so from day 61 on the count is from
    /// 1899-12-30. 1904 system: day 0 is 1904-01-01. A time of day is dropped.
    /// </summary>
    internal static string? SerialToDate(decimal serial, bool date1904)
    {
        var days = (int)decimal.Floor(serial);
        if (days < 1 || days > 2958465)
            return null;
        DateOnly date;
        if (date1904)
            date = new DateOnly(1904, 1, 1).AddDays(days);
        else if (days >= 61)
            date = new DateOnly(1899, 12, 30).AddDays(days);
        else if (days == 60)
            return null;
        else
            date = new DateOnly(1899, 12, 31).AddDays(days);
        return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>The style indexes whose number format shows a date.</summary>
    private static HashSet<uint> DateStyles(WorkbookPart workbookPart)
    {
        var result = new HashSet<uint>();
        var stylesheet = workbookPart.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is null)
            return result;

        var custom = new Dictionary<uint, string>();
        foreach (var format in stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && format.FormatCode?.Value is { } code)
                custom[id] = code;
        }

        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (BuiltInDateFormats.Contains(id)
                || (custom.TryGetValue(id, out var code) && IsDateCode(code)))
            {
                result.Add(index);
            }
            index++;
        }
        return result;
    }

    /// <summary>True when a custom format code shows a year, month or day (yyyy/m/d, yyyy"年"m"月"d"日").</summary>
    internal static bool IsDateCode(string code)
    {
        var inQuotes = false;
        var inBrackets = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (inQuotes)
            {
                inQuotes = c != '"';
                continue;
            }
            if (inBrackets)
            {
                inBrackets = c != ']';
                continue;
            }
            switch (c)
            {
                case '"':
                    inQuotes = true;
                    break;
                case '[':
                    inBrackets = true;
                    break;
                case '\\':
                    i++;
                    break;
                case 'y' or 'Y' or 'd' or 'D' or 'e':
                    return true;
                case 'm' or 'M':
                    // m alone may be minutes (h:mm); with no hour or second beside it, a month.
                    if (!code.Contains('h', StringComparison.OrdinalIgnoreCase)
                        && !code.Contains('s', StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                    break;
            }
        }
        return false;
    }

    /// <summary>"C7" → 2 (zero-based column).</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
                break;
            index = (index * 26) + (c - 'A' + 1);
        }
        return index - 1;
    }
}
