namespace Notices.Documents.Bulletins;

/// <summary>A deduction that several units share: which item and fact, how many units, how many points.</summary>
/// <param name="ItemId">The item, e.g. 2.1.</param>
/// <param name="Category">The item's category name.</param>
/// <param name="Topic">The item's topic (<see cref="ItemTopic"/>).</param>
/// <param name="Label">What the fact is, from the scheme's rule label.</param>
/// <param name="Units">Names of the units that lost points on it, in rank order.</param>
/// <param name="Points">Points lost on it by all those units together.</param>
public sealed record FrequentDeduction(
    string ItemId,
    string Category,
    string Topic,
    string Label,
    IReadOnlyList<string> Units,
    decimal Points);
