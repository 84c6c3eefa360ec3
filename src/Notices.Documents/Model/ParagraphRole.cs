namespace Notices.Documents.Model;

/// <summary>
/// What a paragraph is in an official document; its font, size, indent and alignment follow
/// from the role via <see cref="OfficialLayout.Style"/>. DOCX writers make one named paragraph
/// style per role so a clerk can restyle them.
/// </summary>
public enum ParagraphRole
{
    /// <summary>标题: 2号 小标宋, centred (GB/T 9704 §7.3.1).</summary>
    Title,

    /// <summary>主送机关: 3号 仿宋, flush left, ends with a full-width colon (§7.3.2).</summary>
    Recipient,

    /// <summary>正文: 3号 仿宋, first line indented two characters, justified (§7.3.3).</summary>
    Body,

    /// <summary>First level heading 一、 in 黑体.</summary>
    Heading1,

    /// <summary>Second level heading （一） in 楷体.</summary>
    Heading2,

    /// <summary>Third level heading 1. in 仿宋 bold.</summary>
    Heading3,

    /// <summary>附件说明: 附件：1. … two characters in, after one blank line (§7.3.4).</summary>
    AttachmentNote,

    /// <summary>发文机关署名: centred over the date (§7.3.5.1).</summary>
    Signature,

    /// <summary>成文日期: right aligned, four characters in from the right (§7.3.5.1).</summary>
    Date,

    /// <summary>The 附件 label on an attachment's first line: 3号 黑体, flush left (§8).</summary>
    AttachmentLabel,

    /// <summary>Text inside a table cell: smaller 仿宋 (see <see cref="OfficialLayout.TableSizePt"/>).</summary>
    TableText,

    /// <summary>A table's header cell text: 黑体 at the table size.</summary>
    TableHeader,
}
