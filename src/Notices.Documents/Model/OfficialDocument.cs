namespace Notices.Documents.Model;

/// <summary>
/// A writer-neutral official document (公文) laid out per GB/T 9704-2012. Writers draw it in
/// this order: the 版头 (<see cref="Head"/>: red issuer mark, document number, red line), the
/// <see cref="Body"/> blocks (title, 主送, text, headings, the 附件 line), the signature and
/// date (<see cref="Signature"/>, <see cref="Date"/>), each <see cref="Attachments"/> entry
/// on a new page (GB/T 9704 §8: attachments come before the 版记), and last the
/// <see cref="Imprint"/> (版记) at the foot of the last page. Sizes, fonts and colours are not
/// here: they come from <see cref="Layout"/>.
/// </summary>
public sealed record OfficialDocument
{
    /// <summary>File metadata: title, subject, author, keywords, draft flag.</summary>
    public required DocumentMetadata Metadata { get; init; }

    /// <summary>The 版头; null for a document without one (e.g. a plain attachment print).</summary>
    public DocumentHead? Head { get; init; }

    /// <summary>The main text in reading order, title and 主送 included.</summary>
    public required IReadOnlyList<Block> Body { get; init; }

    /// <summary>发文机关署名, e.g. 示例区人民政府办公室; empty to print none.</summary>
    public string Signature { get; init; } = "";

    /// <summary>成文日期 in Arabic numerals, e.g. 2021年6月25日 (GB/T 9704 §7.3.5.1).</summary>
    public string Date { get; init; } = "";

    /// <summary>Attachments, each starting on a new page.</summary>
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>The 版记 (抄送, 印发机关, 印发日期); null for none.</summary>
    public Imprint? Imprint { get; init; }

    /// <summary>Page and type parameters; GB/T 9704-2012 by default.</summary>
    public OfficialLayout Layout { get; init; } = OfficialLayout.Gb9704;

    /// <summary>True when every page must carry the draft mark (征求意见稿).</summary>
    public bool IsDraft => Metadata.Draft;
}
