using System.Text;

namespace Notices.Core.Evidence;

/// <summary>
/// Decodes and splits an evidence CSV: encoding detection, RFC 4180 quoting, physical line
/// numbers. Knows nothing of what the columns mean.
/// </summary>
internal static class CsvRows
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>GB18030: a superset of GBK, what Excel on Chinese Windows saves as "CSV".</summary>
    public const int Gb18030CodePage = 54936;

    static CsvRows() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// UTF-8 when the bytes start with its BOM or decode as strict UTF-8; otherwise GB18030.
    /// A GBK file is almost never valid UTF-8 (its lead bytes 0x81-0xFE are rarely followed by
    /// a valid UTF-8 continuation), so trying UTF-8 first cannot misread one.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return StrictUtf8.GetString(bytes[3..]);

        // Excel's "Unicode text" is UTF-16 with a byte-order mark; read it rather than misread it.
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(Gb18030CodePage).GetString(bytes);
        }
    }

    /// <summary>
    /// Splits <paramref name="text"/> into records (RFC 4180): fields separated by commas,
    /// a field in double quotes may hold commas, line breaks and doubled quotes; records end at
    /// CRLF, LF or CR. Each record carries the physical line it starts on, so a record after a
    /// multi-line field still reports the line a text editor shows. Blank lines are dropped.
    /// </summary>
    /// <param name="text">The decoded file.</param>
    /// <param name="file">The file name, for problems.</param>
    /// <param name="problems">Receives a problem for a quoted field that never closes.</param>
    /// <returns>The records one at a time, as they are split, so that a million-row file is
    /// never held as rows all at once; enumerate it once.</returns>
    public static IEnumerable<EvidenceRow> Parse(string text, string file, List<Problem> problems)
    {
        var cells = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quotedRecord = false;
        var i = 0;

        // The record ended: the row, or null for a blank line.
        EvidenceRow? EndRecord()
        {
            cells.Add(field.ToString());
            field.Clear();
            var blank = !quotedRecord && cells.Count == 1 && cells[0].Length == 0;
            var row = blank ? null : new EvidenceRow(recordLine, cells.ToArray());
            cells.Clear();
            quotedRecord = false;
            return row;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0)
            {
                // A quoted field: runs to the next lone quote; "" stands for one quote.
                quotedRecord = true;
                var openedOn = line;
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    var q = text[i];
                    if (q == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        closed = true;
                        break;
                    }
                    if (q == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        // CRLF inside a field is one line break, kept as written.
                        field.Append("\r\n");
                        line++;
                        i += 2;
                        continue;
                    }
                    if (q == '\r' || q == '\n')
                        line++;
                    field.Append(q);
                    i++;
                }
                if (!closed)
                {
                    problems.Add(new Problem(file, openedOn, "",
                        "a quoted field opened on this line is never closed; "
                        + "end it with \" (write \"\" for a quote inside it)"));
                }
                continue;
            }

            if (c == ',')
            {
                cells.Add(field.ToString());
                field.Clear();
                i++;
                continue;
            }

            if (c == '\r' || c == '\n')
            {
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                var ended = EndRecord();
                line++;
                recordLine = line;
                if (ended is not null)
                    yield return ended;
                continue;
            }

            // Text after a closing quote ("a"b) is kept as written rather than refused:
            // a clerk's hand-edited file means what it shows.
            field.Append(c);
            i++;
        }

        if ((field.Length > 0 || cells.Count > 0 || quotedRecord) && EndRecord() is { } last)
            yield return last;
    }
}
