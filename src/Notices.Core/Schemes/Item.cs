namespace Notices.Core.Schemes;

/// <summary>
/// One scored row of the table. <see cref="Id"/> is "category.row" as the spec numbers them (1.1 … 6.1).
/// <see cref="Content"/> and <see cref="Method"/> keep the seed's 考核内容 and 评分办法 word for word.
/// </summary>
public sealed record Item(
    string Id,
    int Category,
    Node Node,
    decimal Max,
    string Content,
    string Method,
    IReadOnlyList<Rule> Rules,
    IReadOnlyList<string> Notes)
{
    /// <summary>The facts this item reads, in rule order.</summary>
    public IEnumerable<string> Facts => Rules.Select(r => r.Fact);

    public Rule? RuleFor(string fact) => Rules.FirstOrDefault(r => r.Fact == fact);

    /// <summary>True once <paramref name="asOf"/> reaches the item's node (for quarterly items, 03-31).</summary>
    public bool IsDue(DateOnly asOf) => Node.FirstDue(asOf.Year) <= asOf;
}
