using System.Text;
using Notices.Core.Evidence;

namespace Notices.Core.Tests.Evidence;

public sealed class EvidenceReaderTests
{
    private static readonly DateOnly May8 = new(2021, 5, 8);

    [Fact]
    public void SpecExample_ReadsEveryColumn()
    {
        var records = EvidenceFiles.Read(
            "unit,item,fact,value,date,note\n"
            + "城关,1.1,submitted,,2021-05-08,城政发〔2021〕12号\n"
            + "新华,2.1,unrecorded,3,2021-04-20,系统核查\n"
            + "兴达,6.1,spot_check,1.6,2021-12-20,抽查 5 个小区\n");

        Assert.Equal(3, records.Count);
        Assert.Equal(
            new EvidenceRecord("城关", "1.1", "submitted", null, May8, "城政发〔2021〕12号", null, null,
                new RecordSource("evidence.csv", 2)),
            records[0]);
        Assert.Equal(("新华", "2.1", "unrecorded", 3m),
            (records[1].Unit, records[1].Item, records[1].Fact, records[1].Value));
        Assert.Equal(1.6m, records[2].Value);
        Assert.Equal(new DateOnly(2021, 12, 20), records[2].Date);
        Assert.Equal(4, records[2].Source.Line);
    }

    [Theory]
    [InlineData("2021-05-08")]
    [InlineData("2021-5-8")]
    [InlineData("2021/5/8")]
    [InlineData("2021/05/08")]
    [InlineData("2021年5月8日")]
    [InlineData("2021年05月08日")]
    public void DateForms_AllReadAsTheSameDay(string date)
    {
        var records = EvidenceFiles.Read($"unit,item,fact,value,date\n城关,1.1,submitted,,{date}\n");

        Assert.Equal(May8, records.Single().Date);
    }

    [Fact]
    public void UnitFullName_IsStoredAsItsShortId()
    {
        var records = EvidenceFiles.Read(
            "unit,item,fact,value,date\n城关街道办事处,1.1,submitted,,2021-05-08\n");

        Assert.Equal("城关", records.Single().Unit);
    }

    [Fact]
    public void Header_IsTrimmedCaseInsensitiveInAnyOrderAndIgnoresOtherColumns()
    {
        var records = EvidenceFiles.Read(
            " Date ,序号,UNIT, Item,Fact,Value,Note\n2021/5/8,1,昌盛,1.1,submitted,,印发\n");

        var record = records.Single();
        Assert.Equal(("昌盛", "1.1", May8, "印发"), (record.Unit, record.Item, record.Date, record.Note));
    }

    [Fact]
    public void Utf8WithBom_ReadsTheSameAsWithout()
    {
        var text = "unit,item,fact,value,date,note\n新华,1.1,submitted,,2021-05-08,新政发\n";
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var a = EvidenceFiles.Read(withBom).Single();
        var b = EvidenceFiles.Read(Encoding.UTF8.GetBytes(text)).Single();

        Assert.Equal("新华", a.Unit);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Gb18030File_WithChineseDates_IsDecoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = "unit,item,fact,value,date,note\r\n"
            + "兴达街道办事处,2.1,unrecorded,2,2021年4月20日,系统核查两个\r\n";
        var bytes = Encoding.GetEncoding(54936).GetBytes(text);

        var record = EvidenceFiles.Read(bytes).Single();

        Assert.Equal(("兴达", "2.1", 2m, new DateOnly(2021, 4, 20), "系统核查两个"),
            (record.Unit, record.Item, record.Value, record.Date, record.Note));
    }

    [Fact]
    public void QuotedFields_KeepCommasQuotesAndLineBreaks_AndLineNumbersStayRight()
    {
        var records = EvidenceFiles.Read(
            "unit,item,fact,value,date,note\r\n"
            + "城关,1.1,submitted,,2021-05-08,\"城政发〔2021〕12号, 附件\"\r\n"
            + "城关,2.1,unrecorded,1,2021-04-20,\"第一行\r\n第二行\n第三行\"\r\n"
            + "城关,2.2,submitted,,2021-06-20,\"他说\"\"已报送\"\"\"\r\n");

        Assert.Equal("城政发〔2021〕12号, 附件", records[0].Note);
        Assert.Equal("第一行\r\n第二行\n第三行", records[1].Note);
        Assert.Equal("他说\"已报送\"", records[2].Note);
        Assert.Equal([2, 3, 6], records.Select(r => r.Source.Line));
    }

    [Fact]
    public void ProblemAfterMultiLineField_NamesThePhysicalLine()
    {
        var problems = EvidenceFiles.Problems(
            "unit,item,fact,value,date,note\n"
            + "城关,2.1,unrecorded,1,2021-04-20,\"两行\n备注\"\n"
            + "城关,2.1,unrecorded,1,2021-04-31,\n");

        Assert.Equal(
            ["evidence.csv:4: date: \"2021-04-31\" is not a date; "
                + "write 2021-05-08, 2021/5/8 or 2021年5月8日"],
            problems);
    }

    [Fact]
    public void BlankLines_AreSkipped_AndLaterLinesKeepTheirNumbers()
    {
        var records = EvidenceFiles.Read(
            "unit,item,fact,value,date\n\n城关,1.1,submitted,,2021-05-08\n,,,,\n   \n"
            + "新华,1.1,submitted,,2021-05-09\n");

        Assert.Equal([3, 6], records.Select(r => r.Source.Line));
    }

    [Fact]
    public void BlankValues_CountAndFlagStoreOne_SubmissionStaysBlank()
    {
        var records = EvidenceFiles.Read(
            "unit,item,fact,value,date\n"
            + "城关,1.1,submitted,,2021-05-08\n"
            + "城关,2.1,unrecorded,,2021-04-20\n"
            + "城关,1.4,unpublished,,2021-12-20\n"
            + "城关,1.1,submitted,1,2021-05-09\n"
            + "城关,6.1,late_info,4,2021-12-01\n"
            + "城关,6.1,spot_check,0,2021-12-01\n");

        Assert.Equal([null, 1m, 1m, 1m, 4m, 0m], records.Select(r => r.Value));
    }

    [Fact]
    public void WithdrawOnlyRow_IsReturnedBesideTheRecordItWithdraws()
    {
        var records = EvidenceFiles.Read(
            EvidenceFiles.Header + "\n"
            + "城关,2.1,unrecorded,3,2021-04-20,,A1,\n"
            + ",,,,,录入有误,,A1\n");

        Assert.Equal(2, records.Count);
        Assert.Equal("A1", records[0].Id);
        Assert.True(records[0].HasFact);
        Assert.False(records[1].HasFact);
        Assert.Equal(("A1", "录入有误"), (records[1].Voids, records[1].Note));
    }

    [Fact]
    public void CorrectionRow_WithdrawsAndStatesTheCorrectedFact()
    {
        var records = EvidenceFiles.Read(
            EvidenceFiles.Header + "\n"
            + "城关,2.1,unrecorded,3,2021-04-20,,A1,\n"
            + "城关,2.1,unrecorded,2,2021-04-20,复核为2个,A2,A1\n");

        Assert.Equal(("A1", 2m, "A2"), (records[1].Voids, records[1].Value, records[1].Id));
    }

    [Theory]
    [InlineData("A7")]
    [InlineData("#12")]
    public void Voids_MayNameStoredIds(string stored)
    {
        var records = EvidenceFiles.Read(
            EvidenceFiles.Header + $"\n,,,,,重复录入,,{stored}\n",
            new HashSet<string> { stored });

        Assert.Equal(stored, records.Single().Voids);
    }

    [Fact]
    public void CorrectionRow_ThatGivesSomeFields_MustGiveAllRequired()
    {
        var problems = EvidenceFiles.Problems(
            EvidenceFiles.Header + "\n"
            + "城关,2.1,unrecorded,3,2021-04-20,,A1,\n"
            + "城关,,,2,,,,A1\n");

        Assert.Equal(
        [
            "evidence.csv:3: item: is blank; write an item id of the scheme, 1.1 to 6.1",
            "evidence.csv:3: fact: is blank; write the fact the row reports",
            "evidence.csv:3: date: is blank; write 2021-05-08, 2021/5/8 or 2021年5月8日",
        ], problems);
    }

    // Each bad cell, with the exact line the clerk reads. Labels name the seed item concerned.
    [Theory]
    [InlineData("unknown unit", "东城,1.1,submitted,,2021-05-08,,,",
        "evidence.csv:2: unit: \"东城\" is not a unit of the scheme; "
        + "write one of 城关, 新华, 兴达, 昌盛 (or its full name)")]
    [InlineData("blank unit", ",1.1,submitted,,2021-05-08,,,",
        "evidence.csv:2: unit: is blank; write one of 城关, 新华, 兴达, 昌盛")]
    [InlineData("unknown item", "城关,7.1,submitted,,2021-05-08,,,",
        "evidence.csv:2: item: \"7.1\" is not an item of the scheme; write an item id, 1.1 to 6.1")]
    [InlineData("unknown fact (1.1)", "城关,1.1,submited,,2021-05-08,,,",
        "evidence.csv:2: fact: \"submited\" is not a fact of the scheme; item 1.1 reads submitted")]
    [InlineData("fact 1.1 does not read", "城关,1.1,unpublished,,2021-05-08,,,",
        "evidence.csv:2: fact: \"unpublished\" is not a fact item 1.1 reads; item 1.1 reads submitted")]
    [InlineData("fact 2.1 does not read", "城关,2.1,unreviewed,1,2021-04-20,,,",
        "evidence.csv:2: fact: \"unreviewed\" is not a fact item 2.1 reads; item 2.1 reads submitted, "
            + "unrecorded, unflagged")]
    [InlineData("submission value (1.1)", "城关,1.1,submitted,2,2021-05-08,,,",
        "evidence.csv:2: value: \"2\" is not a value for submitted (a report handed in); leave it blank or write 1")]
    [InlineData("count zero (2.1)", "城关,2.1,unrecorded,0,2021-04-20,,,",
        "evidence.csv:2: value: \"0\" is not a count for unrecorded; write a whole number of findings, 1 or "
            + "more (blank means 1)")]
    [InlineData("count fraction (4.3)", "城关,4.3,unresolved,1.5,2021-04-20,,,",
        "evidence.csv:2: value: \"1.5\" is not a count for unresolved; write a whole number of findings, 1 or "
            + "more (blank means 1)")]
    [InlineData("count text (5.1)", "城关,5.1,unpublicized,三,2021-04-20,,,",
        "evidence.csv:2: value: \"三\" is not a count for unpublicized; write a whole number of findings, 1 or "
            + "more (blank means 1)")]
    [InlineData("flag value (1.4)", "城关,1.4,unpublished,2,2021-12-20,,,",
        "evidence.csv:2: value: \"2\" is not a value for unpublished (a failing found); leave it blank or write 1")]
    [InlineData("judged blank (6.1)", "城关,6.1,spot_check,,2021-12-20,,,",
        "evidence.csv:2: value: is blank; spot_check is a judged score: write a score from 0 to 2 with at most "
            + "one decimal, e.g. 1.5")]
    [InlineData("judged over max (6.1)", "城关,6.1,spot_check,2.5,2021-12-20,,,",
        "evidence.csv:2: value: \"2.5\" is outside 0 to 2, the range of spot_check; write a score from 0 to 2 "
            + "with at most one decimal, e.g. 1.5")]
    [InlineData("judged negative (6.1)", "城关,6.1,spot_check,-1,2021-12-20,,,",
        "evidence.csv:2: value: \"-1\" is outside 0 to 2, the range of spot_check; write a score from 0 to 2 "
            + "with at most one decimal, e.g. 1.5")]
    [InlineData("judged two decimals (6.1)", "城关,6.1,spot_check,1.55,2021-12-20,,,",
        "evidence.csv:2: value: \"1.55\" has more than one decimal; write a score from 0 to 2 with at most one "
            + "decimal, e.g. 1.5")]
    [InlineData("judged decimal comma (6.1)", "城关,6.1,spot_check,\"1,5\",2021-12-20,,,",
        "evidence.csv:2: value: \"1,5\" is not a number; write a score from 0 to 2 with at most one decimal, e.g. 1.5")]
    [InlineData("malformed date", "城关,1.1,submitted,,2021/13/05,,,",
        "evidence.csv:2: date: \"2021/13/05\" is not a date; write 2021-05-08, 2021/5/8 or 2021年5月8日")]
    [InlineData("no such day", "城关,1.1,submitted,,2021年2月29日,,,",
        "evidence.csv:2: date: \"2021年2月29日\" is not a date; write 2021-05-08, 2021/5/8 or 2021年5月8日")]
    [InlineData("day-month order", "城关,1.1,submitted,,08/05/2021,,,",
        "evidence.csv:2: date: \"08/05/2021\" is not a date; write 2021-05-08, 2021/5/8 or 2021年5月8日")]
    [InlineData("date outside the year", "城关,1.1,submitted,,2020-12-30,,,",
        "evidence.csv:2: date: \"2020-12-30\" is outside the scheme's year 2021; facts are dated from "
            + "2021-01-01 to 2021-12-31")]
    [InlineData("blank date", "城关,1.1,submitted,,,,,",
        "evidence.csv:2: date: is blank; write 2021-05-08, 2021/5/8 or 2021年5月8日")]
    [InlineData("voids unknown id", "城关,1.1,submitted,,2021-05-08,,,B9",
        "evidence.csv:2: voids: \"B9\" names no earlier record; voids must name the id of a record on an "
            + "earlier line of this file or already stored (notices evidence list shows them)")]
    [InlineData("id with #", "城关,1.1,submitted,,2021-05-08,,#3,",
        "evidence.csv:2: id: \"#3\" may not start with #, which names a stored record by its key; choose another id")]
    [InlineData("id already stored", "城关,1.1,submitted,,2021-05-08,,S1,",
        "evidence.csv:2: id: \"S1\" is already the id of a stored record; give each record its own id")]
    [InlineData("voids already withdrawn in store", ",,,,,,,S2",
        "evidence.csv:2: voids: \"S2\" is already withdrawn by a stored record; a record is withdrawn once")]
    public void BadCell_IsReportedWithLineColumnAndWhatIsAccepted(string label, string row, string expected)
    {
        var problems = EvidenceFiles.Problems(EvidenceFiles.Header + "\n" + row + "\n",
            new HashSet<string> { "S1", "S2" }, new HashSet<string> { "S2" });

        Assert.True(problems.Count == 1, $"{label}: {string.Join(" | ", problems)}");
        Assert.Equal(expected, problems[0]);
    }

    [Fact]
    public void DuplicateId_InOneFile_IsAProblem()
    {
        var problems = EvidenceFiles.Problems(
            EvidenceFiles.Header + "\n"
            + "城关,1.1,submitted,,2021-05-08,,A1,\n"
            + "新华,1.1,submitted,,2021-05-08,,A1,\n");

        Assert.Equal(["evidence.csv:3: id: \"A1\" is already the id of line 2; give each record its own id"], problems);
    }

    [Fact]
    public void Voids_NamingALaterLine_IsAProblem()
    {
        var problems = EvidenceFiles.Problems(
            EvidenceFiles.Header + "\n"
            + ",,,,,,,A1\n"
            + "城关,1.1,submitted,,2021-05-08,,A1,\n");

        Assert.StartsWith("evidence.csv:2: voids: \"A1\" names no earlier record;", Assert.Single(problems));
    }

    [Fact]
    public void Voids_NamingTheRowsOwnId_IsAProblem()
    {
        var problems = EvidenceFiles.Problems(
            EvidenceFiles.Header + "\n"
            + "城关,1.1,submitted,,2021-05-08,,A1,A1\n");

        Assert.Equal(["evidence.csv:2: voids: \"A1\" is this row's own id; voids must name an earlier record, "
            + "and a correction takes an id of its own"], problems);
    }

    [Fact]
    public void Record_WithdrawnTwice_IsAProblem()
    {
        var problems = EvidenceFiles.Problems(
            EvidenceFiles.Header + "\n"
            + "城关,1.1,submitted,,2021-05-08,,A1,\n"
            + ",,,,,,,A1\n"
            + ",,,,,,,A1\n");

        Assert.Equal(
            ["evidence.csv:4: voids: \"A1\" is already withdrawn on line 3; a record is withdrawn once"],
            problems);
    }

    [Fact]
    public void MissingColumns_AreReportedOnLineOne()
    {
        var problems = EvidenceFiles.Problems("unit,item,value,note\n城关,1.1,,\n");

        Assert.Equal(
        [
            "evidence.csv:1: fact: the required column \"fact\" is missing; the header must name unit, item, "
                + "fact, value and date",
            "evidence.csv:1: date: the required column \"date\" is missing; the header must name unit, item, "
                + "fact, value and date",
        ], problems);
    }

    [Fact]
    public void DuplicatedColumn_IsReportedOnLineOne()
    {
        var problems = EvidenceFiles.Problems(
            "unit,item,fact,value,date,Date\n城关,1.1,submitted,,2021-05-08,2021-05-09\n");

        Assert.Equal(["evidence.csv:1: date: the column \"date\" appears twice (columns 5 and 6); keep one of "
            + "them"], problems);
    }

    [Fact]
    public void EmptyFile_IsAProblem()
    {
        var problems = EvidenceFiles.Problems("\n\n");

        Assert.Equal(["evidence.csv:1: the file is empty; its first line must be the header "
            + "unit,item,fact,value,date (note, id and voids may follow)"],
            problems);
    }

    [Fact]
    public void UnclosedQuote_IsReportedWhereItOpens()
    {
        var problems = EvidenceFiles.Problems(
            "unit,item,fact,value,date,note\n城关,1.1,submitted,,2021-05-08,\"未闭合\n");

        Assert.Equal(["evidence.csv:2: a quoted field opened on this line is never closed; end it with \" "
            + "(write \"\" for a quote inside it)"],
            problems);
    }

    [Fact]
    public void UnclosedQuote_AfterABadRow_BothAreReported_InLineOrder()
    {
        // Rows are checked as they are split: the bad row's problem comes before the quote's.
        var problems = EvidenceFiles.Problems(
            "unit,item,fact,value,date,note\n城关,9.9,submitted,,2021-05-08,\n"
            + "城关,1.1,submitted,,2021-05-08,\"未闭合\n");

        Assert.Collection(problems,
            p => Assert.StartsWith("evidence.csv:2: item:", p, StringComparison.Ordinal),
            p => Assert.StartsWith("evidence.csv:3: a quoted field opened on this line is never closed",
                p, StringComparison.Ordinal));
    }

    [Fact]
    public void BadHeader_AndAQuoteLeftOpenBelowIt_AreReportedTogether()
    {
        var problems = EvidenceFiles.Problems("unit,item,fact,value\n城关,1.1,submitted,\"未闭合\n");

        Assert.Collection(problems,
            p => Assert.StartsWith("evidence.csv:1: date: the required column \"date\" is missing", p,
                StringComparison.Ordinal),
            p => Assert.StartsWith("evidence.csv:2: a quoted field opened on this line is never closed",
                p, StringComparison.Ordinal));
    }

    [Fact]
    public void SeveralProblems_AreReportedTogether_InFileAndColumnOrder()
    {
        var problems = EvidenceFiles.Problems(
            EvidenceFiles.Header + "\n"
            + "城关,1.1,submitted,,2021-05-08,,A1,\n"
            + "东城,1.1,submitted,3,2021-13-01,,,\n"
            + "新华,2.1,unrecorded,2,2021-04-20,,,\n"
            + "兴达,6.1,spot_check,2.25,2022-01-01,,A1,\n");

        Assert.Equal(
        [
            "evidence.csv:3: unit: \"东城\" is not a unit of the scheme; "
                + "write one of 城关, 新华, 兴达, 昌盛 (or its full name)",
            "evidence.csv:3: value: \"3\" is not a value for submitted (a report handed in); leave it blank or write 1",
            "evidence.csv:3: date: \"2021-13-01\" is not a date; write 2021-05-08, 2021/5/8 or 2021年5月8日",
            "evidence.csv:5: value: \"2.25\" has more than one decimal; write a score from 0 to 2 with at most "
                + "one decimal, e.g. 1.5",
            "evidence.csv:5: date: \"2022-01-01\" is outside the scheme's year 2021; facts are dated from "
                + "2021-01-01 to 2021-12-31",
            "evidence.csv:5: id: \"A1\" is already the id of line 2; give each record its own id",
        ], problems);
    }

    [Fact]
    public void UnknownExtension_IsRefusedWithWhatIsAccepted()
    {
        using var stream = new MemoryStream([1, 2, 3]);

        var e = Assert.Throws<ProblemException>(() =>
            EvidenceReader.Read(stream, "evidence.txt", Repo.Scheme2021));

        Assert.Equal("evidence.txt: \".txt\" is not an evidence file type; give a .csv or .xlsx file",
            e.Problems.Single().ToString());
    }

    [Fact]
    public void ReadFromPath_NamesTheFileAsGiven()
    {
        var folder = Directory.CreateTempSubdirectory("notices-evidence-");
        try
        {
            var path = Path.Combine(folder.FullName, "六月.csv");
            File.WriteAllText(path,
                "unit,item,fact,value,date\n城关,1.1,submitted,,2021-05-8\n城关,1.1,x,,2021-05-08\n");

            var e = Assert.Throws<ProblemException>(() => EvidenceReader.Read(path, Repo.Scheme2021));

            Assert.Equal($"{path}:3: fact: \"x\" is not a fact of the scheme; item 1.1 reads submitted",
                e.Problems.Single().ToString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void TabSeparatedFile_IsRefusedWithAHintToSaveAsCsv()
    {
        var bytes = Encoding.Unicode.GetPreamble()
            .Concat(Encoding.Unicode.GetBytes(
                "unit\titem\tfact\tvalue\tdate\r\n城关\t1.1\tsubmitted\t\t2021-05-08\r\n"))
            .ToArray();

        var e = Assert.Throws<ProblemException>(() => EvidenceFiles.Read(bytes));

        Assert.Equal("evidence.csv:1: the columns are separated by tabs, not commas; save the sheet as "
            + "\"CSV (逗号分隔)\" or \"CSV UTF-8\", or give the .xlsx workbook", e.Problems.Single().ToString());
    }

    [Fact]
    public void Utf16WithBom_CommaSeparated_IsRead()
    {
        var bytes = Encoding.Unicode.GetPreamble()
            .Concat(Encoding.Unicode.GetBytes("unit,item,fact,value,date\r\n昌盛,1.1,submitted,,2021/5/8\r\n"))
            .ToArray();

        Assert.Equal(("昌盛", May8), EvidenceFiles.Read(bytes).Select(r => (r.Unit, r.Date)).Single());
    }
}
