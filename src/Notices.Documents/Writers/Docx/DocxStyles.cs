using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Notices.Documents.Model;
using static Notices.Documents.Writers.Docx.DocxUnits;
using ModelAlignment = Notices.Documents.Model.TextAlignment;

namespace Notices.Documents.Writers.Docx;

/// <summary>
/// The named paragraph styles of a bulletin, one per <see cref="ParagraphRole"/> plus the
/// 版头, 版记 and page-number styles, so a clerk restyles the whole document from Word's or
/// WPS's style list. Built-in ids (Title, Heading1…) keep the navigation pane working.
/// </summary>
internal static class DocxStyles
{
    public const string IssuerMark = "IssuerMark";
    public const string DocumentNumber = "DocumentNumber";
    public const string Imprint = "Imprint";
    public const string PageNumber = "Footer";
    public const string DraftMark = "Header";

    /// <summary>The style id of a role.</summary>
    public static string Id(ParagraphRole role) => role switch
    {
        ParagraphRole.Title => "Title",
        ParagraphRole.Heading1 => "Heading1",
        ParagraphRole.Heading2 => "Heading2",
        ParagraphRole.Heading3 => "Heading3",
        ParagraphRole.Body => "BodyText",
        _ => role.ToString(),
    };

    private static string Name(ParagraphRole role) => role switch
    {
        ParagraphRole.Title => "Title",
        ParagraphRole.Heading1 => "heading 1",
        ParagraphRole.Heading2 => "heading 2",
        ParagraphRole.Heading3 => "heading 3",
        ParagraphRole.Body => "Body Text",
        ParagraphRole.Recipient => "主送机关",
        ParagraphRole.AttachmentNote => "附件说明",
        ParagraphRole.Signature => "发文机关署名",
        ParagraphRole.Date => "成文日期",
        ParagraphRole.AttachmentLabel => "附件标识",
        ParagraphRole.TableText => "表格文字",
        ParagraphRole.TableHeader => "表格标题行",
        _ => role.ToString(),
    };

    private static string Alias(ParagraphRole role) => role switch
    {
        ParagraphRole.Title => "公文标题",
        ParagraphRole.Heading1 => "一级标题（一、黑体）",
        ParagraphRole.Heading2 => "二级标题（（一）楷体）",
        ParagraphRole.Heading3 => "三级标题（1. 仿宋加粗）",
        ParagraphRole.Body => "公文正文",
        _ => "",
    };

    public static Styles Build(OfficialLayout layout)
    {
        var body = layout.Font(FontRole.Body);
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    Fonts(body),
                    new FontSize { Val = HalfPoints(layout.BodySizePt) },
                    new FontSizeComplexScript { Val = HalfPoints(layout.BodySizePt) },
                    new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Before = "0", After = "0" }))));

        styles.Append(new Style(
            new StyleName { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(
                new SpacingBetweenLines
                {
                    Line = Text(TwipsFromPt(layout.LinePitchPt)),
                    LineRule = LineSpacingRuleValues.Exact,
                },
                new Justification { Val = JustificationValues.Both }))
        {
            Type = StyleValues.Paragraph,
            StyleId = "Normal",
            Default = true,
        });

        foreach (var role in Enum.GetValues<ParagraphRole>())
            styles.Append(RoleStyle(layout, role));

        styles.Append(Simple(layout, IssuerMark, "发文机关标志", FontRole.Title, layout.IssuerMarkSizePt,
            layout.Red, JustificationValues.Center, exact: false));
        styles.Append(Simple(layout, DocumentNumber, "发文字号", FontRole.Body, layout.BodySizePt,
            "000000", JustificationValues.Center, exact: true));
        styles.Append(Simple(layout, Imprint, "版记", FontRole.Body, layout.ImprintSizePt,
            "000000", JustificationValues.Left, exact: false));
        styles.Append(PageNumberStyle(layout));
        styles.Append(Simple(layout, DraftMark, "header", FontRole.Hei, layout.DraftMarkSizePt,
            layout.DraftMarkColor, JustificationValues.Right, exact: false));
        styles.Append(new Style(
            new StyleName { Val = "Table Grid" },
            new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = EighthsFromPt(layout.TableRuleWidthPt) },
                new LeftBorder { Val = BorderValues.Single, Size = EighthsFromPt(layout.TableRuleWidthPt) },
                new BottomBorder { Val = BorderValues.Single, Size = EighthsFromPt(layout.TableRuleWidthPt) },
                new RightBorder { Val = BorderValues.Single, Size = EighthsFromPt(layout.TableRuleWidthPt) },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = EighthsFromPt(layout.TableRuleWidthPt) },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = EighthsFromPt(layout.TableRuleWidthPt) })))
        {
            Type = StyleValues.Table,
            StyleId = "TableGrid",
        });
        return styles;
    }

    public static RunFonts Fonts(FontSpec font) => new()
    {
        Ascii = font.OfficialName,
        HighAnsi = font.OfficialName,
        EastAsia = font.OfficialName,
        ComplexScript = font.OfficialName,
        Hint = FontTypeHintValues.EastAsia,
    };

    public static JustificationValues Justify(ModelAlignment alignment) => alignment switch
    {
        ModelAlignment.Start => JustificationValues.Left,
        ModelAlignment.Center => JustificationValues.Center,
        ModelAlignment.End => JustificationValues.Right,
        _ => JustificationValues.Both,
    };

    private static Style RoleStyle(OfficialLayout layout, ParagraphRole role)
    {
        var style = layout.Style(role);
        var inTable = role is ParagraphRole.TableText or ParagraphRole.TableHeader;
        var pitch = TwipsFromPt(layout.LinePitchPt);
        var charTwips = TwipsFromPt(style.SizePt);

        var paragraph = new StyleParagraphProperties();
        if (role is ParagraphRole.Title or ParagraphRole.Heading1 or ParagraphRole.Heading2 or ParagraphRole.Heading3)
            paragraph.Append(new KeepNext());
        if (inTable)
            paragraph.Append(new SnapToGrid { Val = false });
        paragraph.Append(inTable
            ? new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto, Before = "0", After = "0" }
            : new SpacingBetweenLines
            {
                Line = Text(pitch),
                LineRule = LineSpacingRuleValues.Exact,
                Before = Text((int)Math.Round(style.SpaceBeforeLines * pitch)),
                After = Text((int)Math.Round(style.SpaceAfterLines * pitch)),
            });
        if (style.FirstLineIndentChars != 0 || style.LeftIndentChars != 0 || style.RightIndentChars != 0)
        {
            // Character-based indents (w:*Chars, hundredths of a character) follow a restyled
            // size; the twip values are what older readers use.
            paragraph.Append(new Indentation
            {
                Left = Text((int)(style.LeftIndentChars * charTwips)),
                LeftChars = (int)(style.LeftIndentChars * 100),
                Right = Text((int)(style.RightIndentChars * charTwips)),
                RightChars = (int)(style.RightIndentChars * 100),
                FirstLine = Text((int)(style.FirstLineIndentChars * charTwips)),
                FirstLineChars = (int)(style.FirstLineIndentChars * 100),
            });
        }
        paragraph.Append(new Justification { Val = Justify(style.Alignment) });
        if (role is ParagraphRole.Title or ParagraphRole.Heading1 or ParagraphRole.Heading2 or ParagraphRole.Heading3)
        {
            var level = role == ParagraphRole.Title ? 0 : (int)role - (int)ParagraphRole.Heading1;
            if (role != ParagraphRole.Title)
                paragraph.Append(new OutlineLevel { Val = level });
        }

        var run = new StyleRunProperties(Fonts(layout.Font(style.Font)));
        if (style.Bold)
        {
            run.Append(new Bold());
            run.Append(new BoldComplexScript());
        }
        run.Append(new Color { Val = style.Color });
        if (!inTable && style.SizePt == layout.BodySizePt)
        {
            // 28 characters to a 156 mm line: 15.79 pt a character for 16 pt glyphs (GB/T 9704 §5.2.2).
            var squeeze = (int)Math.Floor((layout.CharPitchPt - style.SizePt) * 20);
            if (squeeze < 0)
                run.Append(new Spacing { Val = squeeze });
        }
        run.Append(new FontSize { Val = HalfPoints(style.SizePt) });
        run.Append(new FontSizeComplexScript { Val = HalfPoints(style.SizePt) });

        var result = new Style { Type = StyleValues.Paragraph, StyleId = Id(role),
            CustomStyle = Name(role) == role.ToString() || Name(role).Any(c => c > 127) };
        result.Append(new StyleName { Val = Name(role) });
        if (Alias(role).Length > 0)
            result.Append(new Aliases { Val = Alias(role) });
        result.Append(new BasedOn { Val = "Normal" });
        var next = role is ParagraphRole.TableText or ParagraphRole.TableHeader ? Id(role) : "BodyText";
        result.Append(new NextParagraphStyle { Val = next });
        result.Append(new UIPriority { Val = 10 + (int)role });
        result.Append(new PrimaryStyle());
        result.Append(paragraph);
        result.Append(run);
        return result;
    }

    private static Style Simple(OfficialLayout layout, string id, string name, FontRole font, double size,
        string color, JustificationValues justification, bool exact)
    {
        var spacing = exact
            ? new SpacingBetweenLines
            {
                Line = Text(TwipsFromPt(layout.LinePitchPt)),
                LineRule = LineSpacingRuleValues.Exact,
            }
            : new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto };
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id,
            CustomStyle = id is IssuerMark or DocumentNumber or Imprint };
        style.Append(new StyleName { Val = name });
        style.Append(new BasedOn { Val = "Normal" });
        style.Append(new PrimaryStyle());
        style.Append(new StyleParagraphProperties(new SnapToGrid { Val = false }, spacing,
            new Justification { Val = justification }));
        style.Append(new StyleRunProperties(
            Fonts(layout.Font(font)),
            new Color { Val = color },
            new FontSize { Val = HalfPoints(size) },
            new FontSizeComplexScript { Val = HalfPoints(size) }));
        return style;
    }

    // Page numbers: 4号 半角宋体 (GB/T 9704 §7.5).
    private static Style PageNumberStyle(OfficialLayout layout)
    {
        var name = layout.PageNumberFont.OfficialName;
        var style = new Style { Type = StyleValues.Paragraph, StyleId = PageNumber };
        style.Append(new StyleName { Val = "footer" });
        style.Append(new BasedOn { Val = "Normal" });
        style.Append(new StyleParagraphProperties(
            new SnapToGrid { Val = false },
            new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto }));
        style.Append(new StyleRunProperties(
            new RunFonts { Ascii = name, HighAnsi = name, EastAsia = name, ComplexScript = name },
            new FontSize { Val = HalfPoints(layout.PageNumberSizePt) },
            new FontSizeComplexScript { Val = HalfPoints(layout.PageNumberSizePt) }));
        return style;
    }
}
