namespace Notices.Core.Schemes;

/// <summary>
/// A category of the table (考核工作), e.g. 1 市住房城乡建设局对街道办事处…进行考核, 20 points.
/// </summary>
public sealed record Category(int Number, string Name, decimal Max, IReadOnlyList<Item> Items);
