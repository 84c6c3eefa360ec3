using System.Globalization;
using System.Text;
using Notices.Documents.Model;

namespace Notices.Documents.Writers;

/// <summary>
/// Flattens an <see cref="OfficialDocument"/> to plain text in reading order, one line per
/// paragraph, each tagged with its role, tables as rows of cells with their spans. Golden-file
/// tests compare this text; font checks read every character from it.
/// </summary>
public static class DocumentText
{
    /// <summary>The document's text.</summary>
    public static string Flatten(OfficialDocument document)
    {
        var text = new StringBuilder();
        if (document.IsDraft)
            Line(text, "draft", document.Layout.DraftMark);
        if (document.Head is { } head)
        {
            Line(text, "issuer", head.IssuerMark);
            if (head.Number.Length > 0)
                Line(text, "number", head.Number);
        }

        Blocks(text, document.Body);
        if (document.Signature.Length > 0)
            Line(text, nameof(ParagraphRole.Signature), document.Signature);
        if (document.Date.Length > 0)
            Line(text, nameof(ParagraphRole.Date), document.Date);

        foreach (var attachment in document.Attachments)
        {
            text.Append('\n');
            Line(text, attachment.Landscape ? "attachment landscape" : "attachment", attachment.Label);
            Line(text, nameof(ParagraphRole.Title), attachment.Title);
            Blocks(text, attachment.Blocks);
        }

        if (document.Imprint is { } imprint)
        {
            text.Append('\n');
            if (imprint.CopyLine.Length > 0)
                Line(text, "copy", imprint.CopyLine);
            Line(text, "printed", $"{imprint.PrintedBy}  {imprint.PrintedLine}");
        }
        return text.ToString();
    }

    /// <summary>Every distinct character the document prints, layout marks included.</summary>
    public static IReadOnlySet<string> Characters(OfficialDocument document)
    {
        var all = Flatten(document) + document.Layout.PageNumberFormat + "0123456789";
        var set = new HashSet<string>(StringComparer.Ordinal);
        var elements = StringInfo.GetTextElementEnumerator(all);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            if (!string.IsNullOrWhiteSpace(element))
                set.Add(element);
        }
        return set;
    }

    private static void Blocks(StringBuilder text, IReadOnlyList<Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Paragraph paragraph:
                    Line(text, paragraph.Role.ToString(), Runs(paragraph));
                    break;
                case PageBreak:
                    text.Append("[page break]\n");
                    break;
                case Table table:
                    TableText(text, table);
                    break;
            }
        }
    }

    private static void TableText(StringBuilder text, Table table)
    {
        text.Append(CultureInfo.InvariantCulture,
            $"[table {table.ColumnWidths.Count} columns, {table.Rows.Count} rows, {table.HeaderRows} header]\n");
        var placed = table.Place();
        foreach (var row in placed.GroupBy(p => p.Row))
        {
            text.Append("| ");
            foreach (var cell in row)
            {
                var spans = "";
                if (cell.Cell.RowSpan > 1)
                    spans += $"↓{cell.Cell.RowSpan}";
                if (cell.Cell.ColumnSpan > 1)
                    spans += $"→{cell.Cell.ColumnSpan}";
                var content = string.Join(" / ", cell.Cell.Paragraphs.Select(Runs));
                text.Append(spans.Length > 0 ? $"{spans} {content}" : content).Append(" | ");
            }
            text.Length--;
            text.Append('\n');
        }
    }

    private static string Runs(Paragraph paragraph) =>
        string.Concat(paragraph.Runs.Select(r => r.Bold ? $"**{r.Text}**" : r.Text));

    private static void Line(StringBuilder text, string tag, string content) =>
        text.Append('[').Append(tag).Append("] ").Append(content).Append('\n');
}
