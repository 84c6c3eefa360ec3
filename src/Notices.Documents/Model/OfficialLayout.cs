namespace Notices.Documents.Model;

/// <summary>
/// Every page and type parameter of an official document in one place, GB/T 9704-2012 by
/// default (<see cref="Gb9704"/>). Writers read sizes, fonts and colours only from here.
/// </summary>
public sealed record OfficialLayout
{
    /// <summary>The GB/T 9704-2012 layout: A4, 版心 156 × 225 mm, 3号 仿宋, 22 × 28.</summary>
    public static OfficialLayout Gb9704 { get; } = new();

    /// <summary>A4 portrait; margins top 37, bottom 35, left 28, right 26 mm (§5.2.1).</summary>
    public PageSetup Page { get; init; } = new(210, 297, 37, 35, 28, 26);

    /// <summary>Pages of a landscape attachment: the portrait page turned.</summary>
    public PageSetup LandscapePage => Page.Rotated();

    /// <summary>Body text size: 3号 = 16 pt (§5.2.2).</summary>
    public double BodySizePt { get; init; } = 16;

    /// <summary>Lines per page of body text (§5.2.2).</summary>
    public int LinesPerPage { get; init; } = 22;

    /// <summary>Characters per line of body text (§5.2.2).</summary>
    public int CharsPerLine { get; init; } = 28;

    /// <summary>
    /// Body line pitch: 225 mm / 22 is 28.99 pt; 28.95 keeps 22 lines inside the block
    /// after writers round to twentieths of a point.
    /// </summary>
    public double LinePitchPt { get; init; } = 28.95;

    /// <summary>Character pitch: 156 mm / 28 = 15.79 pt, a little under the 16 pt glyphs.</summary>
    public double CharPitchPt => PageSetup.Points(Page.TextWidthMm) / CharsPerLine;

    /// <summary>Title size: 2号 = 22 pt (§7.3.1).</summary>
    public double TitleSizePt { get; init; } = 22;

    /// <summary>
    /// Issuer mark size. GB/T 9704 §7.2.3 leaves it to the issuer within the text width;
    /// writers shrink it when the mark would be wider than the text block.
    /// </summary>
    public double IssuerMarkSizePt { get; init; } = 36;

    /// <summary>Distance from the text block's top to the issuer mark's top (§7.2.3: 35 mm).</summary>
    public double IssuerMarkTopMm { get; init; } = 35;

    /// <summary>Blank body lines between the issuer mark and the document number (§7.2.4: 2).</summary>
    public int LinesBeforeNumber { get; init; } = 2;

    /// <summary>Distance from the document number down to the red line (§7.2.5: 4 mm).</summary>
    public double RedLineGapMm { get; init; } = 4;

    /// <summary>Red line thickness in points.</summary>
    public double RedLineWidthPt { get; init; } = 1.0;

    /// <summary>Blank body lines between the red line and the title (§7.3.1: 2).</summary>
    public int LinesBeforeTitle { get; init; } = 2;

    /// <summary>
    /// The red of the issuer mark and the red line, RGB hex without #. C00000 is the dark red
    /// printers expect; FF0000 (pure red) is also seen.
    /// </summary>
    public string Red { get; init; } = "C00000";

    /// <summary>Page number size: 4号 = 14 pt (§7.5).</summary>
    public double PageNumberSizePt { get; init; } = 14;

    /// <summary>How a page number prints: an em dash, a space, the number, a space, an em dash.</summary>
    public string PageNumberFormat { get; init; } = "— {0} —";

    /// <summary>Distance from the text block's bottom edge down to the page number (§7.5: 7 mm).</summary>
    public double PageNumberGapMm { get; init; } = 7;

    /// <summary>Page numbers sit one character in from the edge: odd pages right, even left.</summary>
    public double PageNumberIndentChars { get; init; } = 1;

    /// <summary>Page numbers are 宋体 (§7.5); the Title role is Song-class and serves them.</summary>
    public FontSpec PageNumberFont { get; init; } =
        new(FontRole.Title, "宋体", ["SimSun", "AR PL UMing CN", "WenQuanYi Zen Hei"]);

    /// <summary>版记 text size: 4号 = 14 pt (§7.4).</summary>
    public double ImprintSizePt { get; init; } = 14;

    /// <summary>版记 outer rules (first and last): 0.35 mm (§7.4.1).</summary>
    public double ImprintOuterRuleMm { get; init; } = 0.35;

    /// <summary>版记 inner rules: 0.25 mm (§7.4.1).</summary>
    public double ImprintInnerRuleMm { get; init; } = 0.25;

    /// <summary>Table text size: 五号 = 10.5 pt, so the scored table fits a landscape page.</summary>
    public double TableSizePt { get; init; } = 10.5;

    /// <summary>Table rule width in points.</summary>
    public double TableRuleWidthPt { get; init; } = 0.5;

    /// <summary>Cell padding, left and right, in millimetres.</summary>
    public double CellPaddingMm { get; init; } = 1.5;

    /// <summary>The text that marks every page of a draft (not in GB/T 9704; house rule).</summary>
    public string DraftMark { get; init; } = "征求意见稿";

    /// <summary>Draft mark colour, RGB hex without #.</summary>
    public string DraftMarkColor { get; init; } = "C00000";

    /// <summary>Draft mark size in points.</summary>
    public double DraftMarkSizePt { get; init; } = 14;

    /// <summary>The font names of each role: official name first, then substitutes.</summary>
    public IReadOnlyDictionary<FontRole, FontSpec> Fonts { get; init; } =
        new Dictionary<FontRole, FontSpec>
        {
            [FontRole.Title] = new(FontRole.Title, "方正小标宋简体",
                ["方正小标宋_GBK", "华文中宋", "宋体", "SimSun", "AR PL UMing CN"]),
            [FontRole.Body] = new(FontRole.Body, "仿宋_GB2312",
                ["仿宋", "FangSong", "宋体", "SimSun", "AR PL UMing CN"]),
            [FontRole.Hei] = new(FontRole.Hei, "黑体",
                ["SimHei", "WenQuanYi Zen Hei", "Noto Sans CJK SC"]),
            [FontRole.Kai] = new(FontRole.Kai, "楷体_GB2312",
                ["楷体", "KaiTi", "AR PL UKai CN"]),
        };

    /// <summary>The font names of a role.</summary>
    public FontSpec Font(FontRole role) => Fonts[role];

    /// <summary>How each paragraph role is set (GB/T 9704 §7.3, §8).</summary>
    public RoleStyle Style(ParagraphRole role) => role switch
    {
        ParagraphRole.Title => new(FontRole.Title, TitleSizePt, false, TextAlignment.Center,
            SpaceAfterLines: 1),
        ParagraphRole.Recipient => new(FontRole.Body, BodySizePt, false, TextAlignment.Start),
        ParagraphRole.Body => new(FontRole.Body, BodySizePt, false, TextAlignment.Justify,
            FirstLineIndentChars: 2),
        ParagraphRole.Heading1 => new(FontRole.Hei, BodySizePt, false, TextAlignment.Justify,
            FirstLineIndentChars: 2),
        ParagraphRole.Heading2 => new(FontRole.Kai, BodySizePt, false, TextAlignment.Justify,
            FirstLineIndentChars: 2),
        ParagraphRole.Heading3 => new(FontRole.Body, BodySizePt, true, TextAlignment.Justify,
            FirstLineIndentChars: 2),
        ParagraphRole.AttachmentNote => new(FontRole.Body, BodySizePt, false, TextAlignment.Start,
            LeftIndentChars: 2, SpaceBeforeLines: 1),
        // §7.3.5.2 (no seal): the signature two characters in from the right, the date
        // below it, four in.
        ParagraphRole.Signature => new(FontRole.Body, BodySizePt, false, TextAlignment.End,
            RightIndentChars: 2, SpaceBeforeLines: 2),
        ParagraphRole.Date => new(FontRole.Body, BodySizePt, false, TextAlignment.End,
            RightIndentChars: 4),
        ParagraphRole.AttachmentLabel => new(FontRole.Hei, BodySizePt, false, TextAlignment.Start),
        ParagraphRole.TableText => new(FontRole.Body, TableSizePt, false, TextAlignment.Center),
        ParagraphRole.TableHeader => new(FontRole.Hei, TableSizePt, false, TextAlignment.Center),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown paragraph role."),
    };
}
