using Notices.Core.Schemes;
using Notices.Core.Scoring;

namespace Notices.Documents.Bulletins;

/// <summary>One district's bulletin of one kind: what to render it from.</summary>
/// <param name="Scheme">The year's scheme.</param>
/// <param name="District">The issuing district.</param>
/// <param name="Scorecard">Scores at the bulletin's as-of date.</param>
/// <param name="Info">The bulletin's own data (<see cref="BulletinInfo.For"/>).</param>
/// <param name="Templates">The templates folder.</param>
/// <param name="Draft">True for a draft for comment (征求意见稿).</param>
/// <param name="ThresholdShare">Share of the points available below which a unit is named.</param>
public sealed record BulletinRequest(
    Scheme Scheme,
    District District,
    Scorecard Scorecard,
    BulletinInfo Info,
    string Templates,
    bool Draft = false,
    decimal ThresholdShare = 0.9m);
