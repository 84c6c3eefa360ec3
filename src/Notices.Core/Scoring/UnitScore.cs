using Notices.Core.Schemes;

namespace Notices.Core.Scoring;

/// <summary>
/// One unit's scores at an as-of date: every item in scheme order, the total of the scored
/// items, their maxima (<see cref="Available"/>), and the rank within the unit's district.
/// </summary>
public sealed record UnitScore(
    Unit Unit,
    District District,
    decimal Score,
    decimal Available,
    int Rank,
    IReadOnlyList<ItemScore> Items)
{
    /// <summary>Points lost on scored items.</summary>
    public decimal Deduction => Available - Score;

    public ItemScore this[string itemId] => Items.First(i => i.Item.Id == itemId);

    /// <summary>The unit's score in one category, over its scored items.</summary>
    public decimal CategoryScore(int category) =>
        Items.Where(i => i.Item.Category == category).Sum(i => i.Score ?? 0m);
}
