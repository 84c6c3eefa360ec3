using System.Globalization;
using Notices.Documents.Model;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Notices.Documents.Pdf;

/// <summary>
/// The page being filled and the place on it where the next line goes. Finishing a page
/// draws what every page carries: the page number and, for a draft, the draft mark.
/// </summary>
internal sealed class PageCursor : IDisposable
{
    private readonly PdfDocument _document;
    private readonly OfficialLayout _layout;
    private readonly PdfTextEngine _text;
    private readonly bool _draft;
    private XGraphics? _gfx;

    public PageCursor(PdfDocument document, OfficialLayout layout, PdfTextEngine text, bool draft)
    {
        _document = document;
        _layout = layout;
        _text = text;
        _draft = draft;
    }

    public XGraphics Gfx => _gfx ?? throw new InvalidOperationException("No page is open.");

    public int Number { get; private set; }

    public bool Landscape { get; private set; }

    /// <summary>Top of the next line slot, in points from the page's top.</summary>
    public double Y { get; set; }

    public double Left { get; private set; }

    public double Right { get; private set; }

    public double Top { get; private set; }

    public double Bottom { get; private set; }

    public double Width => Right - Left;

    public bool HasPage => _gfx is not null;

    /// <summary>True when nothing has been set on the page yet.</summary>
    public bool AtTop => Y <= Top + 0.01;

    /// <summary>Room left above the text block's bottom edge.</summary>
    public double Room => Bottom - Y;

    public void NewPage(bool landscape)
    {
        Finish();
        var setup = landscape ? _layout.LandscapePage : _layout.Page;
        var page = _document.AddPage();
        page.Width = XUnit.FromMillimeter(setup.WidthMm);
        page.Height = XUnit.FromMillimeter(setup.HeightMm);
        Number++;
        Landscape = landscape;
        Left = PageSetup.Points(setup.LeftMm);
        Right = PageSetup.Points(setup.WidthMm - setup.RightMm);
        Top = PageSetup.Points(setup.TopMm);
        Bottom = PageSetup.Points(setup.HeightMm - setup.BottomMm);
        Y = Top;
        _gfx = XGraphics.FromPdfPage(page);
    }

    /// <summary>Makes sure a slot of this height fits, starting a page if not.</summary>
    public void Ensure(double height)
    {
        if (!HasPage || (Y + height > Bottom + 0.5 && !AtTop))
        {
            NewPage(Landscape);
        }
    }

    public void Finish()
    {
        if (_gfx is null)
        {
            return;
        }

        DrawPageNumber(_gfx);
        if (_draft)
        {
            DrawDraftMark(_gfx);
        }

        _gfx.Dispose();
        _gfx = null;
    }

    public void Dispose() => _gfx?.Dispose();

    // GB/T 9704 §7.5: 4号 Song, "— N —", 7 mm below the text block; odd pages one
    // character in from the right, even pages one character in from the left.
    private void DrawPageNumber(XGraphics gfx)
    {
        var size = _layout.PageNumberSizePt;
        var style = new TextStyle(_layout.PageNumberFont.Role, size, false, "000000");
        var label = string.Format(
            CultureInfo.InvariantCulture, _layout.PageNumberFormat, Number);
        var width = _text.Width(style, label);
        var indent = _layout.PageNumberIndentChars * size;
        var x = Number % 2 == 1 ? Right - indent - width : Left + indent;
        var top = Bottom + PageSetup.Points(_layout.PageNumberGapMm);
        var baseline = top + (size * 0.86);
        gfx.DrawString(label, _text.Font(style), _text.Brush(style.Color), x, baseline);
    }

    // House rule: a draft carries 征求意见稿 at the top right of every page, in the margin
    // above the text block so it never covers the text.
    private void DrawDraftMark(XGraphics gfx)
    {
        var size = _layout.DraftMarkSizePt;
        var style = new TextStyle(FontRole.Hei, size, false, _layout.DraftMarkColor);
        var width = _text.Width(style, _layout.DraftMark);
        var baseline = Top - PageSetup.Points(8);
        var brush = _text.Brush(style.Color);
        gfx.DrawString(_layout.DraftMark, _text.Font(style), brush, Right - width, baseline);
        var box = new XRect(Right - width - 3, baseline - (size * 0.86) - 3, width + 6, size + 6);
        gfx.DrawRectangle(new XPen(brush.Color, 0.8), box);
    }
}
