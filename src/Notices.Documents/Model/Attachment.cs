namespace Notices.Documents.Model;

/// <summary>
/// An attachment (附件, GB/T 9704 §8): starts on a new page with its label flush left in
/// 3号 黑体 on the first line, its title centred below, then its blocks.
/// </summary>
/// <param name="Label">附件, or 附件1 when there are several.</param>
/// <param name="Title">
/// The attachment's title, e.g. 2021年上半年街道办事处居住小区管理工作考核得分表.
/// </param>
/// <param name="Blocks">Its content (for the bulletin, one table).</param>
/// <param name="Landscape">True to print it on landscape pages.</param>
public sealed record Attachment(
    string Label,
    string Title,
    IReadOnlyList<Block> Blocks,
    bool Landscape);
