using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Notices.Documents.Model;
using static Notices.Documents.Writers.Docx.DocxUnits;
using ModelParagraph = Notices.Documents.Model.Paragraph;
using ModelTable = Notices.Documents.Model.Table;
using ModelRun = Notices.Documents.Model.Run;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using WordTable = DocumentFormat.OpenXml.Wordprocessing.Table;
using WordRun = DocumentFormat.OpenXml.Wordprocessing.Run;
using TableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using Imprint = Notices.Documents.Model.Imprint;

namespace Notices.Documents.Writers.Docx;

/// <summary>
/// Writes an <see cref="OfficialDocument"/> as a Word document laid out per GB/T 9704-2012:
/// named paragraph styles, the official font names (with alternatives in the font table),
/// A4 with the standard margins, the red issuer mark and red line, "— N —" page numbers odd
/// right / even left, attachments in their own (landscape) section with repeating header rows
/// and merged cells, and the 版记 at the foot of the last page.
/// </summary>
public sealed class DocxWriter
{
    private const string OddFooterId = "rFooterOdd";
    private const string EvenFooterId = "rFooterEven";
    private const string DraftHeaderId = "rHeaderDraft";

    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/> (left open).</summary>
    public void Write(OfficialDocument document, Stream output)
    {
        using var buffer = new MemoryStream();
        using (var package = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            Build(package, document);
        }
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    /// <summary>Writes <paramref name="document"/> to a file.</summary>
    public void Write(OfficialDocument document, string path)
    {
        using var file = File.Create(path);
        Write(document, file);
    }

    private static void Build(WordprocessingDocument package, OfficialDocument document)
    {
        var layout = document.Layout;
        var main = package.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = DocxStyles.Build(layout);
        main.AddNewPart<FontTablePart>().Fonts = FontTable(layout);
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
            new EvenAndOddHeaders(),
            new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation });

        AddFooter(main, OddFooterId, layout, odd: true);
        AddFooter(main, EvenFooterId, layout, odd: false);
        if (document.IsDraft)
            AddDraftHeader(main, layout);

        var body = new Body();
        Head(body, document);
        foreach (var block in document.Body)
            body.Append(Block(block, layout, layout.Page));
        Closing(body, document);

        // Each attachment gets its own section, so it can turn landscape (GB/T 9704 §8).
        var current = layout.Page;
        foreach (var attachment in document.Attachments)
        {
            EndSection(body, document, current);
            current = attachment.Landscape ? layout.LandscapePage : layout.Page;
            body.Append(Styled(ParagraphRole.AttachmentLabel, attachment.Label));
            if (attachment.Title.Length > 0)
                body.Append(Styled(ParagraphRole.Title, attachment.Title));
            foreach (var block in attachment.Blocks)
                body.Append(Block(block, layout, current));
        }

        if (document.Imprint is { } imprint)
        {
            var ownPage = false;
            if (current.IsLandscape)
            {
                // The 版记 sits on a portrait page of its own after a landscape attachment.
                EndSection(body, document, current);
                current = layout.Page;
                ownPage = true;
            }
            foreach (var paragraph in ImprintParagraphs(imprint, layout, current, ownPage))
                body.Append(paragraph);
        }

        body.Append(SectionProperties(document, current));
        main.Document = new Document(body);

        var properties = package.PackageProperties;
        properties.Title = document.Metadata.Title;
        properties.Subject = document.Metadata.Subject;
        properties.Creator = document.Metadata.Author;
        properties.Keywords = string.Join(", ", document.Metadata.Keywords);
        properties.Language = "zh-CN";
    }

    private static void Head(Body body, OfficialDocument document)
    {
        if (document.Head is not { } head)
            return;
        var layout = document.Layout;

        // The mark's top sits 35 mm under the text block's top (§7.2.3); it shrinks to stay
        // within the text width.
        var width = PageSetup.Points(layout.Page.TextWidthMm);
        var size = Math.Min(layout.IssuerMarkSizePt, Math.Floor(width / Math.Max(1, head.IssuerMark.Length) * 2) / 2);
        var mark = new WordParagraph(
            new ParagraphProperties(
                new ParagraphStyleId { Val = DocxStyles.IssuerMark },
                new SpacingBetweenLines { Before = Text(TwipsFromMm(layout.IssuerMarkTopMm)) }),
            new WordRun(
                new RunProperties(new FontSize { Val = HalfPoints(size) },
                    new FontSizeComplexScript { Val = HalfPoints(size) }),
                new Text(head.IssuerMark)));
        body.Append(mark);

        // 发文字号 two lines under the mark, the red line 4 mm under the number (§7.2.4, §7.2.5).
        var pitch = TwipsFromPt(layout.LinePitchPt);
        var number = new WordParagraph(
            new ParagraphProperties(
                new ParagraphStyleId { Val = DocxStyles.DocumentNumber },
                new ParagraphBorders(new BottomBorder
                {
                    Val = BorderValues.Single,
                    Color = layout.Red,
                    Size = EighthsFromPt(layout.RedLineWidthPt),
                    Space = (uint)Math.Round(PageSetup.Points(layout.RedLineGapMm)),
                }),
                new SpacingBetweenLines
                {
                    Before = Text(layout.LinesBeforeNumber * pitch),
                    After = Text(layout.LinesBeforeTitle * pitch),
                }),
            new WordRun(new Text(head.Number.Length > 0 ? head.Number
                : " ") { Space = SpaceProcessingModeValues.Preserve }));
        body.Append(number);
    }

    private static void Closing(Body body, OfficialDocument document)
    {
        if (document.Signature.Length > 0)
            body.Append(Styled(ParagraphRole.Signature, document.Signature));
        if (document.Date.Length > 0)
            body.Append(Styled(ParagraphRole.Date, document.Date));
    }

    private static WordParagraph Styled(ParagraphRole role, string text) =>
        Paragraph(ModelParagraph.Of(role, text));

    private static OpenXmlElement Block(Block block, OfficialLayout layout, PageSetup page) => block switch
    {
        ModelParagraph paragraph => Paragraph(paragraph),
        ModelTable table => Table(table, layout, page),
        PageBreak => new WordParagraph(new WordRun(new Break { Type = BreakValues.Page })),
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "Unknown block."),
    };

    private static WordParagraph Paragraph(ModelParagraph paragraph)
    {
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.Id(paragraph.Role) });
        if (paragraph.Alignment is { } alignment)
            properties.Append(new Justification { Val = DocxStyles.Justify(alignment) });
        var result = new WordParagraph(properties);
        foreach (var run in paragraph.Runs)
            result.Append(Run(run));
        return result;
    }

    private static WordRun Run(ModelRun run)
    {
        var result = new WordRun();
        if (run.Bold)
            result.Append(new RunProperties(new Bold(), new BoldComplexScript()));
        result.Append(new Text(run.Text) { Space = SpaceProcessingModeValues.Preserve });
        return result;
    }

    private static WordTable Table(ModelTable table, OfficialLayout layout, PageSetup page)
    {
        var total = table.ColumnWidths.Sum();
        var textWidth = TwipsFromMm(page.TextWidthMm);
        var widths = table.ColumnWidths.Select(w => (int)Math.Floor(w / total * textWidth)).ToList();
        var padding = Text(TwipsFromMm(layout.CellPaddingMm));

        var result = new WordTable(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Width = Text(widths.Sum()), Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = short.Parse(padding, CultureInfo.InvariantCulture),
                    Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = short.Parse(padding, CultureInfo.InvariantCulture),
                    Type = TableWidthValues.Dxa })));
        result.Append(new TableGrid(widths.Select(w => new GridColumn { Width = Text(w) })));

        // Resolve spans to the grid: a vertically merged cell must appear in every row it
        // covers, as vMerge="restart" first and vMerge continuation cells below.
        var placed = table.Place();
        var byRow = placed.ToLookup(p => p.Row);
        for (var row = 0; row < table.Rows.Count; row++)
        {
            var rowProperties = new TableRowProperties();
            if (!table.Rows[row].CanSplit)
                rowProperties.Append(new CantSplit());
            if (row < table.HeaderRows)
                rowProperties.Append(new TableHeader());
            var wordRow = new TableRow(rowProperties);

            var starts = byRow[row].ToDictionary(p => p.Column);
            var column = 0;
            while (column < widths.Count)
            {
                if (starts.TryGetValue(column, out var start))
                {
                    wordRow.Append(Cell(start, widths,
                        start.Cell.RowSpan > 1 ? MergedCellValues.Restart : null, content: true));
                    column += start.Cell.ColumnSpan;
                    continue;
                }

                var above = placed.FirstOrDefault(p => p.Row < row && p.LastRow >= row && p.Column == column);
                if (above is not null)
                {
                    wordRow.Append(Cell(above, widths, MergedCellValues.Continue, content: false));
                    column += above.Cell.ColumnSpan;
                    continue;
                }

                // A short row: fill the grid so Word does not draw a ragged edge.
                wordRow.Append(new TableCell(
                    new TableCellProperties(new TableCellWidth { Width = Text(widths[column]),
                        Type = TableWidthUnitValues.Dxa }),
                    Styled(ParagraphRole.TableText, "")));
                column++;
            }
            result.Append(wordRow);
        }
        return result;
    }

    private static TableCell Cell(PlacedCell placed, IReadOnlyList<int> widths, MergedCellValues? merge, bool content)
    {
        var width = widths.Skip(placed.Column).Take(placed.Cell.ColumnSpan).Sum();
        var properties = new TableCellProperties(new TableCellWidth
        {
            Width = Text(width),
            Type = TableWidthUnitValues.Dxa,
        });
        if (placed.Cell.ColumnSpan > 1)
            properties.Append(new GridSpan { Val = placed.Cell.ColumnSpan });
        if (merge is { } value)
            properties.Append(new VerticalMerge { Val = value });
        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });

        var cell = new TableCell(properties);
        if (!content)
        {
            cell.Append(Styled(ParagraphRole.TableText, ""));
            return cell;
        }
        foreach (var paragraph in placed.Cell.Paragraphs)
            cell.Append(Paragraph(paragraph with { Alignment = paragraph.Alignment ?? placed.Cell.Alignment }));
        if (placed.Cell.Paragraphs.Count == 0)
            cell.Append(Styled(ParagraphRole.TableText, ""));
        return cell;
    }

    // The 版记 (§7.4) at the foot of the last page: its paragraphs share one frame anchored to
    // the bottom of the text block, a thick rule above and below, a thin one between 抄送 and
    // 印发, one character in from either side.
    // On a page of its own, an exact spacer above pushes it down instead, since not every
    // reader honours a frame's bottom alignment (LibreOffice puts it at the top).
    private static IEnumerable<WordParagraph> ImprintParagraphs(Imprint imprint, OfficialLayout layout,
        PageSetup page, bool ownPage)
    {
        var width = TwipsFromMm(page.TextWidthMm);
        var indent = TwipsFromPt(layout.ImprintSizePt);
        var outer = EighthsFromMm(layout.ImprintOuterRuleMm);
        var inner = EighthsFromMm(layout.ImprintInnerRuleMm);

        var lines = new List<(string Left, string Right)>();
        if (imprint.CopyLine.Length > 0)
            lines.Add((imprint.CopyLine, ""));
        lines.Add((imprint.PrintedBy, imprint.PrintedLine));

        // Exact line heights make the block's height known: lines, padding and rules.
        var lineTwips = TwipsFromPt(layout.ImprintSizePt * 1.5);
        var usable = PageSetup.Points(page.TextWidthMm) - 2 * layout.ImprintSizePt;
        var visualLines = lines.Sum(l => Math.Max(1,
            (int)Math.Ceiling((l.Left.Length + l.Right.Length + 2) * layout.ImprintSizePt / usable)));
        if (ownPage)
        {
            var block = visualLines * lineTwips + lines.Count * (120 + 2 * 100) + 200;
            var spacer = TwipsFromMm(page.TextHeightMm) - block;
            yield return new WordParagraph(new ParagraphProperties(
                new ParagraphStyleId { Val = DocxStyles.Imprint },
                new SpacingBetweenLines
                {
                    Before = "0",
                    After = "0",
                    Line = Text(Math.Max(240, spacer)),
                    LineRule = LineSpacingRuleValues.Exact,
                }));
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var borders = new ParagraphBorders();
            if (i == 0)
                borders.Append(new TopBorder { Val = BorderValues.Single, Size = outer, Space = 4 });
            borders.Append(i == lines.Count - 1
                ? new BottomBorder { Val = BorderValues.Single, Size = outer, Space = 4 }
                : new BottomBorder { Val = BorderValues.Single, Size = inner, Space = 4 });

            var properties = new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.Imprint });
            if (!ownPage)
            {
                properties.Append(new FrameProperties
                {
                    Width = Text(width),
                    HorizontalPosition = HorizontalAnchorValues.Margin,
                    VerticalPosition = VerticalAnchorValues.Margin,
                    XAlign = HorizontalAlignmentValues.Center,
                    YAlign = VerticalAlignmentValues.Bottom,
                    Wrap = TextWrappingValues.Around,
                    AnchorLock = true,
                });
            }
            properties.Append(borders);
            properties.Append(new Tabs(new TabStop { Val = TabStopValues.Right, Position = width - 2 * indent }));
            properties.Append(new SpacingBetweenLines
            {
                Before = "60",
                After = "60",
                Line = Text(lineTwips),
                LineRule = LineSpacingRuleValues.Exact,
            });
            properties.Append(new Indentation
            {
                Left = Text(indent),
                Right = Text(indent),
            });
            var paragraph = new WordParagraph(properties);
            paragraph.Append(new WordRun(new Text(lines[i].Left) { Space = SpaceProcessingModeValues.Preserve }));
            if (lines[i].Right.Length > 0)
            {
                paragraph.Append(new WordRun(new TabChar()));
                paragraph.Append(new WordRun(new Text(lines[i].Right)));
            }
            yield return paragraph;
        }
    }

    private static void EndSection(Body body, OfficialDocument document, PageSetup page) =>
        body.Append(new WordParagraph(new ParagraphProperties(SectionProperties(document, page))));

    private static SectionProperties SectionProperties(OfficialDocument document, PageSetup page)
    {
        var layout = document.Layout;
        var section = new SectionProperties();
        if (document.IsDraft)
        {
            section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = DraftHeaderId });
            section.Append(new HeaderReference { Type = HeaderFooterValues.Even, Id = DraftHeaderId });
        }
        section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = OddFooterId });
        section.Append(new FooterReference { Type = HeaderFooterValues.Even, Id = EvenFooterId });
        section.Append(new SectionType { Val = SectionMarkValues.NextPage });

        var size = new PageSize
        {
            Width = (uint)TwipsFromMm(page.WidthMm),
            Height = (uint)TwipsFromMm(page.HeightMm),
        };
        if (page.IsLandscape)
            size.Orient = PageOrientationValues.Landscape;
        section.Append(size);

        // The page number's rule sits 7 mm under the text block (§7.5): the footer's bottom
        // is that far up from the page's bottom edge, less one line of 4号.
        var footer = Math.Max(0,
            page.BottomMm - layout.PageNumberGapMm) - layout.PageNumberSizePt * 1.3 / PageSetup.PointsPerMm;
        section.Append(new PageMargin
        {
            Top = TwipsFromMm(page.TopMm),
            Bottom = TwipsFromMm(page.BottomMm),
            Left = (uint)TwipsFromMm(page.LeftMm),
            Right = (uint)TwipsFromMm(page.RightMm),
            Header = (uint)TwipsFromMm(Math.Max(5, page.TopMm - 15)),
            Footer = (uint)TwipsFromMm(Math.Max(5, footer)),
            Gutter = 0,
        });
        section.Append(new PageNumberType { Format = NumberFormatValues.Decimal });
        section.Append(page.IsLandscape
            ? new DocGrid { Type = DocGridValues.Default }
            : new DocGrid { Type = DocGridValues.Lines, LinePitch = TwipsFromPt(layout.LinePitchPt) });
        return section;
    }

    private static void AddFooter(MainDocumentPart main, string id, OfficialLayout layout, bool odd)
    {
        // "— N —", odd pages right, even pages left, one character in (GB/T 9704 §7.5).
        var parts = layout.PageNumberFormat.Split("{0}");
        var indent = Text(TwipsFromPt(layout.PageNumberSizePt * layout.PageNumberIndentChars));
        var paragraph = new WordParagraph(new ParagraphProperties(
            new ParagraphStyleId { Val = DocxStyles.PageNumber },
            odd ? new Indentation { Right = indent } : new Indentation { Left = indent },
            new Justification { Val = odd ? JustificationValues.Right : JustificationValues.Left }));
        paragraph.Append(new WordRun(new Text(parts[0]) { Space = SpaceProcessingModeValues.Preserve }));
        paragraph.Append(new WordRun(new FieldChar { FieldCharType = FieldCharValues.Begin }));
        paragraph.Append(new WordRun(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }));
        paragraph.Append(new WordRun(new FieldChar { FieldCharType = FieldCharValues.Separate }));
        paragraph.Append(new WordRun(new Text("1")));
        paragraph.Append(new WordRun(new FieldChar { FieldCharType = FieldCharValues.End }));
        if (parts.Length > 1)
            paragraph.Append(new WordRun(new Text(parts[1]) { Space = SpaceProcessingModeValues.Preserve }));

        var part = main.AddNewPart<FooterPart>(id);
        part.Footer = new Footer(paragraph);
    }

    private static void AddDraftHeader(MainDocumentPart main, OfficialLayout layout)
    {
        var part = main.AddNewPart<HeaderPart>(DraftHeaderId);
        part.Header = new Header(new WordParagraph(
            new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.DraftMark }),
            new WordRun(new Text(layout.DraftMark))));
    }

    // Each official font with its first alternative (w:altName) and the GB2312 charset, so
    // Word and WPS substitute a Chinese face where the official one is missing.
    private static DocumentFormat.OpenXml.Wordprocessing.Fonts FontTable(OfficialLayout layout)
    {
        var fonts = new DocumentFormat.OpenXml.Wordprocessing.Fonts();
        var specs = layout.Fonts.Values.Append(layout.PageNumberFont);
        foreach (var spec in specs.DistinctBy(s => s.OfficialName))
        {
            var font = new Font { Name = spec.OfficialName };
            if (spec.Fallbacks.Count > 0)
                font.Append(new AltName { Val = spec.Fallbacks[0] });
            font.Append(new FontCharSet { Val = "86" });
            font.Append(new FontFamily { Val = spec.Role == FontRole.Hei ? FontFamilyValues.Modern
                : FontFamilyValues.Roman });
            font.Append(new Pitch { Val = FontPitchValues.Variable });
            fonts.Append(font);
        }
        return fonts;
    }
}
