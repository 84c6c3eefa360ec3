using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Notices.Core.Tests.Evidence;

/// <summary>
/// Writes a real .xlsx as Excel lays one out: shared strings, inline strings, numbers, and
/// dates as day counts under a date number format.
/// </summary>
internal sealed class TestWorkbook
{
    /// <summary>Cell style 1: built-in number format 14 (m/d/yyyy), what Excel gives a typed date.</summary>
    public const uint BuiltInDate = 1;

    /// <summary>Cell style 2: the custom format yyyy"年"m"月"d"日" of Chinese Excel.</summary>
    public const uint ChineseDate = 2;

    private readonly List<(uint Row, object?[] Cells)> rows = [];

    public TestWorkbook Row(uint number, params object?[] cells)
    {
        rows.Add((number, cells));
        return this;
    }

    /// <summary>A text cell stored inline rather than in the shared string table.</summary>
    public sealed record Inline(string Text);

    /// <summary>A number cell with a cell style.</summary>
    public sealed record Styled(string Number, uint Style);

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();

            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat
                {
                    NumberFormatId = 176,
                    FormatCode = "yyyy\"年\"m\"月\"d\"日\"",
                }) { Count = 1 },
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })) { Count = 1 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(
                    new CellFormat { NumberFormatId = 0 },
                    new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 176, ApplyNumberFormat = true }) { Count = 3 });

            var shared = new List<string>();
            var sheetData = new SheetData();
            foreach (var (number, cells) in rows)
            {
                var row = new Row { RowIndex = number };
                for (var i = 0; i < cells.Length; i++)
                {
                    var reference = $"{(char)('A' + i)}{number}";
                    switch (cells[i])
                    {
                        case null:
                            break;
                        case string text:
                            var index = shared.IndexOf(text);
                            if (index < 0)
                            {
                                index = shared.Count;
                                shared.Add(text);
                            }
                            row.Append(new Cell
                            {
                                CellReference = reference,
                                DataType = CellValues.SharedString,
                                CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)),
                            });
                            break;
                        case Inline inline:
                            row.Append(new Cell(new InlineString(new Text(inline.Text)))
                            {
                                CellReference = reference,
                                DataType = CellValues.InlineString,
                            });
                            break;
                        case Styled styled:
                            row.Append(new Cell
                            {
                                CellReference = reference,
                                StyleIndex = styled.Style,
                                CellValue = new CellValue(styled.Number),
                            });
                            break;
                        case decimal or int or double:
                            row.Append(new Cell
                            {
                                CellReference = reference,
                                CellValue = new CellValue(
                                    Convert.ToString(cells[i], CultureInfo.InvariantCulture)!),
                            });
                            break;
                        default:
                            throw new ArgumentException($"Cannot write {cells[i]!.GetType().Name}.");
                    }
                }
                sheetData.Append(row);
            }

            var sharedPart = workbookPart.AddNewPart<SharedStringTablePart>();
            sharedPart.SharedStringTable = new SharedStringTable(
                shared.Select(s => new SharedStringItem(new Text(s))));

            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(sheetData);
            workbookPart.Workbook.AppendChild(new Sheets(new Sheet
            {
                Id = workbookPart.GetIdOfPart(sheetPart),
                SheetId = 1,
                Name = "证据",
            }));
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }
}
