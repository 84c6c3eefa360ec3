using Notices.Core.Schemes;

namespace Notices.Core.Scoring;

/// <summary>
/// Every unit's scores at one as-of date. <see cref="Available"/> is the sum of the maxima of
/// all due items, pending ones included (28 at 04-30, 62 at 06-25, 66 at 09-25, 100 at 12-25).
/// </summary>
public sealed record Scorecard(Scheme Scheme, DateOnly AsOf, decimal Available, IReadOnlyList<UnitScore> Units)
{
    /// <summary>True while any unit has a pending item: a bulletin cannot be issued as final.</summary>
    public bool HasPending => Units.Any(u => u.Items.Any(i => i.Status == ItemStatus.Pending));

    /// <summary>The units of one district, in scheme order.</summary>
    public IReadOnlyList<UnitScore> For(District district) =>
        Units.Where(u => u.District == district).ToList();

    public UnitScore this[string unitId] => Units.First(u => u.Unit.Id == unitId);
}
