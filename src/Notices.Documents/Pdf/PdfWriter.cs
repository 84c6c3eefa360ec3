using Notices.Documents.Fonts;
using Notices.Documents.Model;
using Notices.Documents.Writers;
using PdfSharp.Pdf;

namespace Notices.Documents.Pdf;

/// <summary>
/// Writes an <see cref="OfficialDocument"/> as PDF with PDFsharp and our own layout
/// (GB/T 9704-2012 parameters from <see cref="OfficialDocument.Layout"/>): the red 版头,
/// Chinese line breaking and justification, headings in their faces, signature and date,
/// attachments on landscape pages with repeating table headers, the 版记, "— N —" page
/// numbers and, for drafts, 征求意见稿 on every page. Fonts are embedded as subsets.
/// </summary>
/// <remarks>
/// One writer may be used for many documents, one at a time per instance; it keeps the
/// fonts it resolved and the widths it measured. Create one per thread.
/// </remarks>
public sealed class PdfWriter : IPdfWriter
{
    private readonly FontSet _fonts;
    private readonly TimeProvider _time;
    private PdfTextEngine? _text;

    /// <summary>Creates a writer over fonts already resolved.</summary>
    /// <param name="fonts">The faces serving each role.</param>
    /// <param name="time">The clock for the file's creation date; the system clock if null.</param>
    public PdfWriter(FontSet fonts, TimeProvider? time = null)
    {
        _fonts = fonts;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Creates a writer that resolves fonts from the given places.</summary>
    /// <param name="options">Where to look for fonts; the system folders if null.</param>
    /// <param name="time">The clock for the file's creation date; the system clock if null.</param>
    public PdfWriter(FontSearchOptions? options = null, TimeProvider? time = null)
        : this(FontSet.Resolve(options), time)
    {
    }

    /// <summary>The fonts this writer embeds.</summary>
    public FontSet Fonts => _fonts;

    /// <inheritdoc />
    /// <exception cref="Core.ProblemException">A role has no font.</exception>
    public void Write(OfficialDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        _fonts.EnsureComplete();
        _text ??= new PdfTextEngine(_fonts);

        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Metadata.Title;
        pdf.Info.Author = document.Metadata.Author;
        pdf.Info.Subject = document.Metadata.Subject;
        pdf.Info.Keywords = string.Join(", ", document.Metadata.Keywords);
        pdf.Info.Creator = "Notices";
        pdf.Info.CreationDate = _time.GetLocalNow().DateTime;
        pdf.Info.ModificationDate = pdf.Info.CreationDate;

        using (var cursor = new PageCursor(pdf, document.Layout, _text, document.IsDraft))
        {
            new PdfComposer(document, cursor, _text).Compose();
            cursor.Finish();
        }

        pdf.Save(output, closeStream: false);
    }
}
