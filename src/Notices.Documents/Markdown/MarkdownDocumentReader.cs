using System.Text;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Notices.Core;
using Notices.Documents.Model;
using MdTable = Markdig.Extensions.Tables.Table;
using MdTableCell = Markdig.Extensions.Tables.TableCell;
using MdTableRow = Markdig.Extensions.Tables.TableRow;
using ModelTable = Notices.Documents.Model.Table;
using ModelParagraph = Notices.Documents.Model.Paragraph;
using Block = Notices.Documents.Model.Block;

namespace Notices.Documents.Markdown;

/// <summary>
/// Turns a rendered bulletin (Markdown with YAML front matter) into an
/// <see cref="OfficialDocument"/>. <c>#</c> is the title, <c>##</c> 一、 headings (黑体),
/// <c>###</c> （一） headings (楷体), <c>####</c> 1. headings (仿宋 bold), paragraphs are body
/// text, a paragraph starting 附件： is the 附件 line, pipe tables become tables, a
/// <c>::: 附件 landscape</c> container is an attachment (its <c>#</c> is the attachment's
/// title), a thematic break (<c>***</c>) is a page break, and a paragraph that is only a
/// marker like <c>[[考核表]]</c> is replaced by the named blocks the caller supplies.
/// </summary>
public sealed class MarkdownDocumentReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseCustomContainers()
        .Build();

    private readonly IReadOnlyDictionary<string, Func<IReadOnlyList<Block>>> namedBlocks;

    /// <summary>Creates a reader that expands the given named blocks.</summary>
    /// <param name="namedBlocks">Marker name (without brackets) to the blocks it stands for.</param>
    public MarkdownDocumentReader(IReadOnlyDictionary<string, Func<IReadOnlyList<Block>>> namedBlocks)
    {
        this.namedBlocks = namedBlocks;
    }

    /// <summary>Reads a rendered bulletin.</summary>
    /// <param name="text">Markdown with front matter.</param>
    /// <param name="source">Where the text came from, for messages (the template file).</param>
    /// <param name="draft">True for a draft for comment.</param>
    /// <param name="layout">The layout; GB/T 9704 when null.</param>
    /// <exception cref="ProblemException">Unknown named block, front matter errors.</exception>
    public OfficialDocument Read(string text, string source, bool draft, OfficialLayout? layout = null)
    {
        var (front, body, bodyLine) = FrontMatter.Split(text, source);
        var document = Markdig.Markdown.Parse(body, Pipeline);
        var problems = new List<Problem>();
        var context = new ReadContext(source, bodyLine, problems);

        var blocks = new List<Block>();
        var attachments = new List<Attachment>();
        foreach (var block in document)
        {
            if (block is CustomContainer container)
                attachments.Add(ReadAttachment(container, context));
            else
                blocks.AddRange(ReadBlock(block, context));
        }

        if (problems.Count > 0)
            throw new ProblemException(problems);

        InsertRecipients(blocks, front.Recipients);
        var title = blocks.OfType<ModelParagraph>().FirstOrDefault(p => p.Role == ParagraphRole.Title)?.Text ?? "";

        return new OfficialDocument
        {
            Metadata = new DocumentMetadata(
                title,
                front.Subject.Length > 0 ? front.Subject : title,
                front.Author.Length > 0 ? front.Author : front.Signature,
                front.Keywords,
                draft),
            Head = front.Issuer.Length == 0 ? null : new DocumentHead(front.Issuer, front.Number),
            Body = blocks,
            Signature = front.Signature,
            Date = front.Date,
            Attachments = attachments,
            Imprint = front.PrintedBy.Length == 0 && front.CopyTo.Count == 0
                ? null
                : new Imprint(front.CopyTo, front.PrintedBy, front.PrintedDate),
            Layout = layout ?? OfficialLayout.Gb9704,
        };
    }

    // 主送机关 follow the title (GB/T 9704 §7.3.2): 各街道办事处：
    private static void InsertRecipients(List<Block> blocks, IReadOnlyList<string> recipients)
    {
        if (recipients.Count == 0)
            return;
        var line = ModelParagraph.Of(ParagraphRole.Recipient, string.Join("、", recipients) + "：");
        var title = blocks.FindIndex(b => b is ModelParagraph { Role: ParagraphRole.Title });
        blocks.Insert(title + 1, line);
    }

    private Attachment ReadAttachment(CustomContainer container, ReadContext context)
    {
        var label = (container.Info ?? "").Trim();
        if (label.Length == 0)
            label = "附件";
        var landscape = (container.Arguments ?? "").Contains("landscape", StringComparison.OrdinalIgnoreCase)
            || (container.Arguments ?? "").Contains("横向", StringComparison.Ordinal);

        var title = "";
        var blocks = new List<Block>();
        foreach (var block in container)
        {
            if (title.Length == 0 && block is HeadingBlock { Level: 1 } heading)
            {
                title = InlineText(heading.Inline);
                continue;
            }
            blocks.AddRange(ReadBlock(block, context));
        }
        return new Attachment(label, title, blocks, landscape);
    }

    private IEnumerable<Block> ReadBlock(Markdig.Syntax.Block block, ReadContext context)
    {
        switch (block)
        {
            case HeadingBlock heading:
                var role = heading.Level switch
                {
                    1 => ParagraphRole.Title,
                    2 => ParagraphRole.Heading1,
                    3 => ParagraphRole.Heading2,
                    _ => ParagraphRole.Heading3,
                };
                yield return new ModelParagraph(role, Runs(heading.Inline));
                break;

            case ParagraphBlock paragraph:
                var runs = Runs(paragraph.Inline);
                var text = string.Concat(runs.Select(r => r.Text)).Trim();
                if (text.StartsWith("[[", StringComparison.Ordinal) && text.EndsWith("]]", StringComparison.Ordinal))
                {
                    foreach (var named in Named(text[2..^2].Trim(), paragraph, context))
                        yield return named;
                    break;
                }
                var paragraphRole = text.StartsWith("附件：", StringComparison.Ordinal)
                    ? ParagraphRole.AttachmentNote
                    : ParagraphRole.Body;
                yield return new ModelParagraph(paragraphRole, runs);
                break;

            case MdTable table:
                yield return ReadTable(table);
                break;

            case ThematicBreakBlock:
                yield return new PageBreak();
                break;

            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var prefix = list.IsOrdered ? $"{number++}. " : "";
                    foreach (var inner in item.OfType<ParagraphBlock>())
                    {
                        var itemRuns = Runs(inner.Inline).ToList();
                        itemRuns.Insert(0, new Run(prefix));
                        prefix = "";
                        yield return new ModelParagraph(ParagraphRole.Body, itemRuns);
                    }
                }
                break;

            case ContainerBlock container:
                foreach (var inner in container)
                {
                    foreach (var read in ReadBlock(inner, context))
                        yield return read;
                }
                break;

            case LeafBlock leaf when leaf.Lines.Count > 0:
                // Code blocks and the like: keep the text as body paragraphs.
                foreach (var line in leaf.Lines.ToString().Split('\n'))
                {
                    if (line.Trim().Length > 0)
                        yield return ModelParagraph.Of(ParagraphRole.Body, line.TrimEnd());
                }
                break;
        }
    }

    private IReadOnlyList<Block> Named(string name, ParagraphBlock paragraph, ReadContext context)
    {
        if (namedBlocks.TryGetValue(name, out var make))
            return make();

        context.Problems.Add(new Problem(context.Source, context.BodyLine + paragraph.Line + 1,
            $"column {paragraph.Column + 1}",
            $"the block [[{name}]] is unknown; use one of "
            + string.Join(", ", namedBlocks.Keys.Select(k => $"[[{k}]]")) + "."));
        return [];
    }

    private static ModelTable ReadTable(MdTable table)
    {
        var columns = table.ColumnDefinitions.Count;
        var widths = table.ColumnDefinitions
            .Select(c => c.Width > 0 ? (double)c.Width : 1.0)
            .ToList();
        var rows = new List<TableRow>();
        var headerRows = 0;
        foreach (var row in table.OfType<MdTableRow>())
        {
            if (row.IsHeader)
                headerRows++;
            var cells = new List<TableCell>();
            foreach (var cell in row.OfType<MdTableCell>())
            {
                var index = Math.Min(cell.ColumnIndex, columns - 1);
                var alignment = index >= 0 ? table.ColumnDefinitions[index].Alignment : null;
                var role = row.IsHeader ? ParagraphRole.TableHeader : ParagraphRole.TableText;
                var paragraphs = cell.OfType<ParagraphBlock>()
                    .Select(p => new ModelParagraph(role, Runs(p.Inline)))
                    .ToList();
                cells.Add(new TableCell(
                    paragraphs.Count > 0 ? paragraphs : [ModelParagraph.Of(role, "")],
                    Math.Max(1, cell.RowSpan),
                    Math.Max(1, cell.ColumnSpan),
                    alignment switch
                    {
                        Markdig.Extensions.Tables.TableColumnAlign.Left => TextAlignment.Start,
                        Markdig.Extensions.Tables.TableColumnAlign.Right => TextAlignment.End,
                        _ => TextAlignment.Center,
                    }));
            }
            rows.Add(new TableRow(cells));
        }
        return new ModelTable(widths, rows, headerRows);
    }

    private static List<Run> Runs(ContainerInline? inline)
    {
        var runs = new List<Run>();
        if (inline is not null)
            Collect(inline, false, runs);

        // Merge neighbours of the same weight so writers see few runs.
        var merged = new List<Run>();
        foreach (var run in runs)
        {
            if (merged.Count > 0 && merged[^1].Bold == run.Bold)
                merged[^1] = merged[^1] with { Text = merged[^1].Text + run.Text };
            else if (run.Text.Length > 0)
                merged.Add(run);
        }
        return merged;
    }

    private static void Collect(Inline inline, bool bold, List<Run> runs)
    {
        switch (inline)
        {
            case LiteralInline literal:
                runs.Add(new Run(literal.Content.ToString(), bold));
                break;
            case CodeInline code:
                runs.Add(new Run(code.Content, bold));
                break;
            case LineBreakInline:
                // Chinese text joins lines without a space.
                break;
            case HtmlEntityInline entity:
                runs.Add(new Run(entity.Transcoded.ToString(), bold));
                break;
            case HtmlInline html:
                runs.Add(new Run(html.Tag, bold));
                break;
            case AutolinkInline link:
                runs.Add(new Run(link.Url, bold));
                break;
            case EmphasisInline emphasis:
                foreach (var child in emphasis)
                    Collect(child, bold || emphasis.DelimiterCount >= 2, runs);
                break;
            case ContainerInline container:
                foreach (var child in container)
                    Collect(child, bold, runs);
                break;
        }
    }

    private static string InlineText(ContainerInline? inline)
    {
        var builder = new StringBuilder();
        foreach (var run in Runs(inline))
            builder.Append(run.Text);
        return builder.ToString();
    }

    private sealed record ReadContext(string Source, int BodyLine, List<Problem> Problems);
}
