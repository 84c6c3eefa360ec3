using Notices.Core.Schemes;

namespace Notices.Core.Evidence;

/// <summary>
/// Reads an evidence file (CSV or XLSX) into records, validated against a scheme, as the spec's
/// "Evidence files (CSV)" section says. Every problem in the file is collected and thrown
/// together; nothing is returned from a file with any problem.
/// </summary>
/// <remarks>
/// <para><b>Format</b>: chosen by the file's extension, <c>.csv</c> or <c>.xlsx</c>.</para>
/// <para><b>Encoding (CSV)</b>: a UTF-8 byte-order mark means UTF-8; otherwise the file is read
/// as UTF-8 when it is valid UTF-8, and as GB18030 (a superset of GBK, what Excel on Chinese
/// Windows saves) when it is not. UTF-16 with a byte-order mark (Excel's "Unicode text") is read
/// too; a file whose columns are separated by tabs is refused with a hint to save it as CSV.</para>
/// <para><b>CSV syntax</b>: RFC 4180. Fields are separated by commas; a field in double quotes
/// may hold commas, line breaks and doubled quotes (<c>""</c>). Lines end in CRLF or LF. Blank
/// lines, and rows whose cells are all empty (<c>,,,,</c> as Excel writes them), are skipped.
/// A problem names the physical line where its record starts (the header is line 1), so lines
/// after a field with line breaks keep the numbers a text editor shows.</para>
/// <para><b>XLSX</b>: the first sheet; its first non-blank row is the header; a problem names
/// the sheet's row number. Text cells (shared or inline) and numbers are read as their text;
/// a number formatted as a date (Excel stores dates as day counts) is read as that date.</para>
/// <para><b>Header</b>: column names are trimmed and compared without regard to case.
/// <c>unit</c>, <c>item</c>, <c>fact</c>, <c>value</c> and <c>date</c> are required;
/// <c>note</c>, <c>id</c> and <c>voids</c> are optional; other columns are ignored. A required
/// column that is missing, or a known column named twice, is a problem on line 1.</para>
/// <para><b>Cells</b> are trimmed of surrounding white space; an empty cell is blank.</para>
/// <para><b>unit</b>: a unit's short id (城关) or full name (城关街道办事处); stored as the short
/// id. <b>item</b>: an item id of the scheme (1.1). <b>fact</b>: one of the facts the item
/// reads.</para>
/// <para><b>value</b>, by the kind of the item's rule for the fact, in invariant culture (a
/// point, never a comma, for decimals): a submission is blank or 1; a count is a whole number
/// of at least 1, blank meaning 1 (stored as 1); a flag is blank or 1 (stored as 1); a judged
/// score is a number with at most one decimal from 0 to the rule's maximum, never blank.</para>
/// <para><b>date</b>: <c>2021-05-08</c> (also unpadded <c>2021-5-8</c>), <c>2021/5/8</c> or
/// <c>2021年5月8日</c>; it must be a real day of the scheme's year.</para>
/// <para><b>id</b>: optional; unique within the file and not already in the store; it may not
/// start with <c>#</c>, which names a stored record by its key (<c>#17</c>).</para>
/// <para><b>voids</b>: the id of a record given on an earlier line of the same file or already
/// in the store (a stored record without an id is named <c>#key</c>). A record is withdrawn
/// once. A row with <c>voids</c> may leave unit, item, fact, value and date all blank: it only
/// withdraws. If it gives any of them it must give all the required ones validly: it withdraws
/// the old record and states the corrected fact. Withdrawn records are still returned; scoring
/// skips them.</para>
/// </remarks>
public static class EvidenceReader
{
    /// <summary>Reads the evidence file at <paramref name="path"/>.</summary>
    /// <param name="path">A <c>.csv</c> or <c>.xlsx</c> file.</param>
    /// <param name="scheme">The scheme the records are checked against.</param>
    /// <param name="knownIds">Ids already in the store (including <c>#key</c> names of stored
    /// records): <c>voids</c> may name them and new ids must not repeat them.</param>
    /// <param name="withdrawnIds">Ids that stored records already withdraw: naming them again in
    /// <c>voids</c> is a problem.</param>
    /// <returns>The file's records in file order, withdrawn ones included.</returns>
    /// <exception cref="ProblemException">The file is missing or unreadable, or has problems;
    /// every problem found is listed.</exception>
    public static IReadOnlyList<EvidenceRecord> Read(
        string path,
        Scheme scheme,
        IReadOnlySet<string>? knownIds = null,
        IReadOnlySet<string>? withdrawnIds = null)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ProblemException(new Problem(path, 0, "",
                $"cannot be read ({e.Message}); check the path and that the file is closed"));
        }

        using var stream = new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true);
        return Read(stream, path, scheme, knownIds, withdrawnIds);
    }

    /// <summary>Reads an evidence file from <paramref name="stream"/>.</summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="fileName">The name problems cite; its extension chooses CSV or XLSX.</param>
    /// <param name="scheme">The scheme the records are checked against.</param>
    /// <param name="knownIds">Ids already in the store (see the other overload).</param>
    /// <param name="withdrawnIds">Ids stored records already withdraw.</param>
    /// <returns>The file's records in file order, withdrawn ones included.</returns>
    /// <exception cref="ProblemException">The file has problems; every one is listed.</exception>
    public static IReadOnlyList<EvidenceRecord> Read(
        Stream stream,
        string fileName,
        Scheme scheme,
        IReadOnlySet<string>? knownIds = null,
        IReadOnlySet<string>? withdrawnIds = null)
    {
        var problems = new List<Problem>();
        var rows = ReadRows(stream, fileName, problems);
        var records = new RowValidator(fileName, scheme, knownIds, withdrawnIds, problems)
            .Validate(rows);
        if (problems.Count > 0)
            throw new ProblemException(problems);
        return records;
    }

    /// <summary>True when <paramref name="fileName"/> has an extension this reader takes.</summary>
    public static bool CanRead(string fileName) =>
        Path.GetExtension(fileName).ToUpperInvariant() is ".CSV" or ".XLSX";

    private static IEnumerable<EvidenceRow> ReadRows(Stream stream, string fileName, List<Problem> problems)
    {
        var extension = Path.GetExtension(fileName).ToUpperInvariant();
        if (extension == ".XLSX")
        {
            // OpenXml needs a seekable stream.
            if (stream.CanSeek)
                return XlsxRows.Read(stream, fileName);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            return XlsxRows.Read(copy, fileName);
        }
        if (extension != ".CSV")
        {
            throw new ProblemException(new Problem(fileName, 0, "",
                $"\"{Path.GetExtension(fileName)}\" is not an evidence file type; "
                + "give a .csv or .xlsx file"));
        }

        // A file already in memory is decoded where it is, not copied first.
        string text;
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var held))
        {
            text = CsvRows.Decode(held.AsSpan((int)memory.Position));
        }
        else
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            text = CsvRows.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        return RefuseTabs(CsvRows.Parse(text, fileName, problems), fileName);
    }

    // Excel's "Unicode text" and copies from a sheet separate columns by tabs; say so at the
    // header rather than report every column missing.
    private static IEnumerable<EvidenceRow> RefuseTabs(IEnumerable<EvidenceRow> rows, string fileName)
    {
        var first = true;
        foreach (var row in rows)
        {
            if (first && !row.IsBlank)
            {
                first = false;
                if (row.Cells is [var only] && only.Contains('\t'))
                {
                    throw new ProblemException(new Problem(fileName, row.Line, "",
                        "the columns are separated by tabs, not commas; save the sheet as "
                        + "\"CSV (逗号分隔)\" or \"CSV UTF-8\", or give the .xlsx workbook"));
                }
            }
            yield return row;
        }
    }
}
