namespace Notices.Core.Schemes;

/// <summary>
/// A node at which a bulletin (考核通报) is issued: half-year at 06-25, q3 at 09-25, annual at 12-25.
/// </summary>
/// <param name="Kind">The command-line name: half-year, q3 or annual.</param>
/// <param name="Date">The as-of date the bulletin reports.</param>
/// <param name="Period">How the title names the period: 上半年, 第三季度, 全年.</param>
public sealed record BulletinNode(string Kind, DateOnly Date, string Period);
