namespace Notices.Core.Scoring;

/// <summary>
/// One line of an item's deduction trail: which fact, how many points, why (a sentence a
/// bulletin can quote, e.g. 6月28日报送，晚于6月25日，扣1分), and the records behind it.
/// </summary>
/// <param name="Fact">The rule's fact; "max" for the line that caps an item at its maximum.</param>
/// <param name="Reason">The Chinese reason line.</param>
/// <param name="Points">Points deducted by this line (0 for an on-time report; negative for the cap line).</param>
/// <param name="Records">References of the records this line rests on.</param>
public sealed record Deduction(string Fact, string Reason, decimal Points, IReadOnlyList<string> Records);
