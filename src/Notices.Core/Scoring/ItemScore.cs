using Notices.Core.Schemes;

namespace Notices.Core.Scoring;

/// <summary>
/// One unit's result on one item. Deduction and score are null unless <see cref="Status"/> is Scored.
/// </summary>
public sealed record ItemScore(
    Item Item,
    ItemStatus Status,
    decimal? Deduction,
    decimal? Score,
    IReadOnlyList<Deduction> Deductions)
{
    public decimal Max => Item.Max;
}
