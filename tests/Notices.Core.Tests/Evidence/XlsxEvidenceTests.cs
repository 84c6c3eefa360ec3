using Notices.Core.Evidence;

namespace Notices.Core.Tests.Evidence;

public sealed class XlsxEvidenceTests
{
    private static IReadOnlyList<EvidenceRecord> Read(TestWorkbook workbook)
    {
        using var stream = new MemoryStream(workbook.Build());
        return EvidenceReader.Read(stream, "evidence.xlsx", Repo.Scheme2021);
    }

    private static List<string> Problems(TestWorkbook workbook)
    {
        var e = Assert.Throws<ProblemException>(() => Read(workbook));
        return e.Problems.Select(p => p.ToString()).ToList();
    }

    private static TestWorkbook WithHeader() =>
        new TestWorkbook().Row(1, "unit", "item", "fact", "value", "date", "note");

    [Fact]
    public void Workbook_ReadsStringsNumbersDateCellsAndTextDates()
    {
        // 44324 is 2021-05-08 and 44550 is 2021-12-20 in Excel's 1900 date system.
        var records = Read(WithHeader()
            .Row(2, "城关", "1.1", "submitted", null, new TestWorkbook.Styled("44324", TestWorkbook.BuiltInDate),
                new TestWorkbook.Inline("城政发〔2021〕12号"))
            .Row(3, "新华街道办事处", 2.1m, "unrecorded", 3, "2021/4/20")
            .Row(5, "兴达", 6.1m, "spot_check", new TestWorkbook.Styled("1.6000000000000001", 0),
                new TestWorkbook.Styled("44550", TestWorkbook.ChineseDate))
            .Row(6, "昌盛", "1.1", "submitted", null, "2021年5月9日"));

        Assert.Equal(4, records.Count);
        Assert.Equal(("城关", "1.1", new DateOnly(2021, 5, 8), "城政发〔2021〕12号"),
            (records[0].Unit, records[0].Item, records[0].Date, records[0].Note));
        Assert.Equal(("新华", "2.1", 3m, new DateOnly(2021, 4, 20)),
            (records[1].Unit, records[1].Item, records[1].Value, records[1].Date));
        Assert.Equal((1.6m, new DateOnly(2021, 12, 20)), (records[2].Value, records[2].Date));
        Assert.Equal(new DateOnly(2021, 5, 9), records[3].Date);
        Assert.Equal([2, 3, 5, 6], records.Select(r => r.Source.Line));
    }

    [Fact]
    public void Problems_NameTheSheetRow()
    {
        var problems = Problems(WithHeader()
            .Row(2, "城关", "1.1", "submitted", null, "2021-05-08")
            .Row(7, "城关", "1.1", "submitted", null, new TestWorkbook.Styled("44100", TestWorkbook.BuiltInDate))
            .Row(9, "城关", "1.1", "submitted", null, 44324));

        Assert.Equal(
        [
            "evidence.xlsx:7: date: \"2020-09-26\" is outside the scheme's year 2021; facts are dated from "
                + "2021-01-01 to 2021-12-31",
            "evidence.xlsx:9: date: \"44324\" is not a date; write 2021-05-08, 2021/5/8 or 2021年5月8日",
        ], problems);
    }

    [Fact]
    public void NotAWorkbook_IsAProblemOnTheFile()
    {
        using var stream = new MemoryStream("unit,item\n"u8.ToArray());

        var e = Assert.Throws<ProblemException>(() => EvidenceReader.Read(stream, "证据.xlsx", Repo.Scheme2021));

        Assert.Equal("证据.xlsx: is not an Excel workbook (.xlsx) that can be read; save it from Excel as "
            + "\"Excel 工作簿 (*.xlsx)\" or as CSV", e.Problems.Single().ToString());
    }

    [Theory]
    [InlineData(44197, "2021-01-01")]
    [InlineData(44561, "2021-12-31")]
    [InlineData(61, "1900-03-01")]
    [InlineData(59, "1900-02-28")]
    public void SerialDay_IsExcelsDate(int serial, string expected)
    {
        Assert.Equal(expected, XlsxRows.SerialToDate(serial, date1904: false));
    }

    [Theory]
    [InlineData("yyyy\"年\"m\"月\"d\"日\"", true)]
    [InlineData("yyyy/m/d", true)]
    [InlineData("[$-F800]dddd, mmmm dd, yyyy", true)]
    [InlineData("0.0", false)]
    [InlineData("h:mm", false)]
    [InlineData("\"day\" 0", false)]
    public void DateFormatCodes_AreRecognised(string code, bool isDate)
    {
        Assert.Equal(isDate, XlsxRows.IsDateCode(code));
    }
}
