using Notices.Documents.Layout;
using Notices.Documents.Model;
using PdfSharp.Drawing;

namespace Notices.Documents.Pdf;

/// <summary>
/// Walks an <see cref="OfficialDocument"/> in reading order and sets it on pages: 版头,
/// body blocks, signature and date, attachments, 版记 (GB/T 9704 §7, §8).
/// </summary>
internal sealed class PdfComposer
{
    private readonly OfficialDocument _document;
    private readonly OfficialLayout _layout;
    private readonly PageCursor _cursor;
    private readonly PdfTextEngine _text;
    private readonly PdfTableSetter _tables;

    public PdfComposer(OfficialDocument document, PageCursor cursor, PdfTextEngine text)
    {
        _document = document;
        _layout = document.Layout;
        _cursor = cursor;
        _text = text;
        _tables = new PdfTableSetter(_layout, text);
    }

    private double Pitch => _layout.LinePitchPt;

    public void Compose()
    {
        _cursor.NewPage(landscape: false);
        if (_document.Head is { } head)
        {
            SetHead(head);
        }

        SetBlocks(_document.Body);
        SetSignature();

        foreach (var attachment in _document.Attachments)
        {
            _cursor.NewPage(attachment.Landscape);
            SetParagraph(Paragraph.Of(ParagraphRole.AttachmentLabel, attachment.Label));
            if (attachment.Title.Length > 0)
            {
                SetParagraph(Paragraph.Of(ParagraphRole.Title, attachment.Title));
            }

            SetBlocks(attachment.Blocks);
        }

        if (_document.Imprint is { } imprint)
        {
            SetImprint(imprint);
        }
    }

    private void SetBlocks(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Paragraph paragraph:
                    SetParagraph(paragraph);
                    break;
                case Table table:
                    _tables.Set(table, _cursor);
                    break;
                case PageBreak:
                    _cursor.NewPage(_cursor.Landscape);
                    break;
            }
        }
    }

    // GB/T 9704 §7.2: the issuer mark, red and centred, its top 35 mm under the text
    // block's top; the document number two lines below; a red line as wide as the text
    // block 4 mm under the number; the title two lines below the line.
    private void SetHead(DocumentHead head)
    {
        var g = _cursor.Gfx;
        var markTop = _cursor.Top + PageSetup.Points(_layout.IssuerMarkTopMm);
        var size = _layout.IssuerMarkSizePt;
        var style = new TextStyle(FontRole.Title, size, false, _layout.Red);
        var width = _text.Width(style, head.IssuerMark);
        if (width > _cursor.Width)
        {
            size *= _cursor.Width / width;
            style = style with { Size = size };
            width = _text.Width(style, head.IssuerMark);
        }

        var markBaseline = markTop + (size * 0.86);
        g.DrawString(head.IssuerMark, _text.Font(style), _text.Brush(style.Color),
            _cursor.Left + ((_cursor.Width - width) / 2), markBaseline);

        var y = markTop + size + (_layout.LinesBeforeNumber * Pitch);
        var bodySize = _layout.BodySizePt;
        if (head.Number.Length > 0)
        {
            var numberStyle = new TextStyle(FontRole.Body, bodySize, false, "000000");
            var numberWidth = _text.Width(numberStyle, head.Number);
            g.DrawString(head.Number, _text.Font(numberStyle), _text.Brush("000000"),
                _cursor.Left + ((_cursor.Width - numberWidth) / 2),
                PdfTextEngine.Baseline(y, Pitch, bodySize));
            y += Pitch;
        }

        var lineY = y - ((Pitch - bodySize) / 2) + PageSetup.Points(_layout.RedLineGapMm);
        var pen = new XPen(_text.Brush(_layout.Red).Color, _layout.RedLineWidthPt);
        g.DrawLine(pen, _cursor.Left, lineY, _cursor.Right, lineY);
        _cursor.Y = lineY + (_layout.LinesBeforeTitle * Pitch) - ((Pitch - bodySize) / 2);
    }

    private void SetSignature()
    {
        if (_document.Signature.Length == 0 && _document.Date.Length == 0)
        {
            return;
        }

        // Keep the signature and its date together on one page.
        var before = _layout.Style(ParagraphRole.Signature).SpaceBeforeLines * Pitch;
        if (_cursor.Room < before + (2 * Pitch))
        {
            _cursor.NewPage(_cursor.Landscape);
        }

        if (_document.Signature.Length > 0)
        {
            SetParagraph(Paragraph.Of(ParagraphRole.Signature, _document.Signature));
        }

        if (_document.Date.Length > 0)
        {
            SetParagraph(Paragraph.Of(ParagraphRole.Date, _document.Date));
        }
    }

    private void SetParagraph(Paragraph paragraph)
    {
        var style = _layout.Style(paragraph.Role);
        var alignment = paragraph.Alignment ?? style.Alignment;
        var size = style.SizePt;
        var pitch = Math.Max(Pitch, size * 1.25);
        if (!_cursor.AtTop)
        {
            _cursor.Y += style.SpaceBeforeLines * Pitch;
        }

        var left = _cursor.Left + (style.LeftIndentChars * size);
        var width = _cursor.Right - (style.RightIndentChars * size) - left;
        var indent = style.FirstLineIndentChars * size;
        var units = _text.Units(paragraph.Runs, style.Font, size, style.Bold, style.Color);
        var hang = paragraph.Role == ParagraphRole.AttachmentNote ? HangingIndent(units) : 0;
        var lines = LineBreaker.Break(units, width - indent, width - hang);
        if (lines.Count == 0)
        {
            _cursor.Ensure(pitch);
            _cursor.Y += pitch;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            _cursor.Ensure(pitch);
            var lineLeft = i == 0 ? left + indent : left + hang;
            var lineWidth = i == 0 ? width - indent : width - hang;
            var baseline = PdfTextEngine.Baseline(_cursor.Y, pitch, size);
            _text.DrawLine(_cursor.Gfx, units, lines[i], lineLeft, lineWidth, alignment, baseline);
            _cursor.Y += pitch;
        }

        _cursor.Y += style.SpaceAfterLines * Pitch;
    }

    // GB/T 9704 §7.3.4: a 附件说明 that wraps continues under the attachment's name, after
    // 附件：.
    private static double HangingIndent(List<TextUnit> units)
    {
        var width = 0.0;
        foreach (var unit in units)
        {
            width += unit.Width;
            if (unit.Text is "：" or ":")
            {
                return width;
            }
        }

        return 0;
    }

    // GB/T 9704 §7.4: the 版记 sits at the foot of the last page between rules as wide as
    // the text block (outer 0.35 mm, inner 0.25 mm); 抄送 one character in, 印发机关 one
    // character in on the left and 印发日期 one character in on the right.
    private void SetImprint(Imprint imprint)
    {
        var size = _layout.ImprintSizePt;
        var pitch = Pitch;
        var style = new TextStyle(FontRole.Body, size, false, "000000");
        var copyUnits = _text.Units([new Run(imprint.CopyLine)], FontRole.Body, size, false, "000000");
        var inner = _cursor.Width - (2 * size);
        var copyLines = imprint.CopyLine.Length == 0
            ? []
            : LineBreaker.Break(copyUnits, inner, inner - (3 * size));
        var height = (copyLines.Count + 1) * pitch;
        if (_cursor.Room < height)
        {
            _cursor.NewPage(_cursor.Landscape);
        }

        var g = _cursor.Gfx;
        var outer = new XPen(XColors.Black, PageSetup.Points(_layout.ImprintOuterRuleMm));
        var thin = new XPen(XColors.Black, PageSetup.Points(_layout.ImprintInnerRuleMm));
        var y = _cursor.Bottom - height;
        g.DrawLine(outer, _cursor.Left, y, _cursor.Right, y);
        for (var i = 0; i < copyLines.Count; i++)
        {
            // Continuation lines of 抄送 hang under the first name, after 抄送：.
            var left = _cursor.Left + size + (i == 0 ? 0 : 3 * size);
            var width = i == 0 ? inner : inner - (3 * size);
            _text.DrawLine(g, copyUnits, copyLines[i], left, width, TextAlignment.Justify,
                PdfTextEngine.Baseline(y, pitch, size));
            y += pitch;
        }

        if (copyLines.Count > 0)
        {
            g.DrawLine(thin, _cursor.Left, y, _cursor.Right, y);
        }

        var baseline = PdfTextEngine.Baseline(y, pitch, size);
        var font = _text.Font(style);
        var brush = _text.Brush(style.Color);
        g.DrawString(imprint.PrintedBy, font, brush, _cursor.Left + size, baseline);
        var printed = imprint.PrintedLine;
        var printedWidth = _text.Width(style, printed);
        g.DrawString(printed, font, brush, _cursor.Right - size - printedWidth, baseline);
        y += pitch;
        g.DrawLine(outer, _cursor.Left, y, _cursor.Right, y);
        _cursor.Y = y;
    }
}
