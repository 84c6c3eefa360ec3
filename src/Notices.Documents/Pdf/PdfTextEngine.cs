using System.Globalization;
using System.Text;
using Notices.Documents.Fonts;
using Notices.Documents.Layout;
using Notices.Documents.Model;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Notices.Documents.Pdf;

/// <summary>
/// Turns runs into measured units and draws laid-out lines. Fonts, brushes and character
/// widths are made once and kept: a bulletin measures the same few hundred characters over
/// and over.
/// </summary>
internal sealed class PdfTextEngine
{
    // Widths are measured at this size and scaled; PDFsharp's widths scale linearly.
    private const double MeasureSize = 100;

    // The em box sits centred in a line slot; the baseline is this far down the em box
    // (ideographic faces put about seven eighths of the em above the baseline).
    private const double BaselineRatio = 0.86;

    private static readonly FontRole[] Roles = Enum.GetValues<FontRole>();

    private readonly FontSet _fonts;
    private readonly Dictionary<(FontRole Face, double Size, bool Bold), XFont> _xfonts = [];
    private readonly Dictionary<(FontRole Face, bool Bold, string Text), double> _widths = [];
    private readonly Dictionary<string, XSolidBrush> _brushes = new(StringComparer.Ordinal);
    private readonly List<TextStyle> _styles = [];
    private readonly Dictionary<TextStyle, int> _styleIndex = [];
    private readonly List<string> _pieces = [];
    private readonly XGraphics _measure;

    public PdfTextEngine(FontSet fonts)
    {
        _fonts = fonts;
        _measure = XGraphics.CreateMeasureContext(
            new XSize(2000, 2000), XGraphicsUnit.Point, XPageDirection.Downwards);
    }

    /// <summary>Where the baseline of text of this size falls in a line slot.</summary>
    public static double Baseline(double slotTop, double pitch, double size) =>
        slotTop + ((pitch - size) / 2) + (size * BaselineRatio);

    public TextStyle Style(int index) => _styles[index];

    /// <summary>Cuts runs into units, each measured in the face that will draw it.</summary>
    public List<TextUnit> Units(
        IEnumerable<Run> runs, FontRole role, double size, bool bold, string color)
    {
        var units = new List<TextUnit>();
        foreach (var run in runs)
        {
            _pieces.Clear();
            TextSegmenter.Split(run.Text, _pieces);
            foreach (var piece in _pieces)
            {
                var style = new TextStyle(FaceFor(role, piece), size, bold || run.Bold, color);
                units.Add(new TextUnit(piece, Width(style, piece), StyleIndex(style)));
            }
        }

        return units;
    }

    /// <summary>The width of text set in one style.</summary>
    public double Width(TextStyle style, string text)
    {
        var key = (style.Face, style.Bold, text);
        if (!_widths.TryGetValue(key, out var unit))
        {
            var font = Font(style with { Size = MeasureSize });
            unit = _measure.MeasureString(text, font).Width / MeasureSize;
            _widths[key] = unit;
        }

        return unit * style.Size;
    }

    public XFont Font(TextStyle style)
    {
        var key = (style.Face, style.Size, style.Bold);
        if (!_xfonts.TryGetValue(key, out var font))
        {
            font = new XFont(
                _fonts.FamilyName(style.Face),
                style.Size,
                style.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular,
                new XPdfFontOptions(PdfFontEncoding.Unicode));
            _xfonts[key] = font;
        }

        return font;
    }

    public XSolidBrush Brush(string color)
    {
        if (!_brushes.TryGetValue(color, out var brush))
        {
            var rgb = int.Parse(color, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            brush = new XSolidBrush(XColor.FromArgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF));
            _brushes[color] = brush;
        }

        return brush;
    }

    /// <summary>
    /// Draws one line. Justified lines spread the spare room evenly between units (the
    /// paragraph's last line is set flush left instead); other alignments place the line's
    /// natural width and draw runs of one style in one piece.
    /// </summary>
    public void DrawLine(
        XGraphics gfx,
        List<TextUnit> units,
        LineSpan line,
        double left,
        double width,
        TextAlignment alignment,
        double baseline)
    {
        if (line.Count == 0)
        {
            return;
        }

        var spare = width - line.Width;
        var justify = alignment == TextAlignment.Justify && !line.IsLast && line.Count > 1
            && spare > 0;
        var x = alignment switch
        {
            TextAlignment.Center => left + Math.Max(0, spare / 2),
            TextAlignment.End => left + Math.Max(0, spare),
            _ => left,
        };
        var gap = justify ? spare / (line.Count - 1) : 0;

        var end = line.Start + line.Count;
        var i = line.Start;
        var text = new StringBuilder();
        while (i < end)
        {
            var style = units[i].Style;
            var startX = x;
            text.Clear();
            text.Append(units[i].Text);
            x += units[i].Width + gap;
            i++;
            // Without justification, units of one style go out as one string: fewer text
            // objects, and words stay whole for text extraction.
            while (!justify && i < end && units[i].Style == style)
            {
                text.Append(units[i].Text);
                x += units[i].Width;
                i++;
            }

            var s = _styles[style];
            gfx.DrawString(text.ToString(), Font(s), Brush(s.Color), startX, baseline);
        }
    }

    private FontRole FaceFor(FontRole role, string piece)
    {
        if (Covered(role, piece))
        {
            return role;
        }

        // A character the role's face lacks is drawn by another role's face that has it,
        // rather than printed as an empty box.
        foreach (var other in Roles)
        {
            if (other != role && Covered(other, piece))
            {
                return other;
            }
        }

        return role;
    }

    private bool Covered(FontRole role, string piece)
    {
        foreach (var rune in piece.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune) && !_fonts.Covers(role, rune.Value))
            {
                return false;
            }
        }

        return true;
    }

    private int StyleIndex(TextStyle style)
    {
        if (!_styleIndex.TryGetValue(style, out var index))
        {
            index = _styles.Count;
            _styles.Add(style);
            _styleIndex[style] = index;
        }

        return index;
    }
}
