namespace Notices.Core.Schemes;

/// <summary>One component of an item's 评分办法: what it deducts for one fact.</summary>
/// <param name="Fact">The fact name evidence rows carry, e.g. submitted or unrecorded.</param>
/// <param name="Label">What the failing is called in a reason line, e.g. 未录入基本信息.</param>
public abstract record Rule(string Fact, string Label)
{
    public abstract FactKind Kind { get; }
}

/// <summary>
/// A report due at the item's node: late deducts <see cref="Late"/>, none deducts <see cref="Missing"/>.
/// </summary>
public sealed record SubmissionRule(string Fact, string Label, decimal Late, decimal Missing) : Rule(Fact, Label)
{
    public override FactKind Kind => FactKind.Submission;
}

/// <summary>Findings counted: <see cref="Each"/> per finding, at most <see cref="Cap"/> when set.</summary>
public sealed record CountRule(string Fact, string Label, decimal Each, decimal? Cap) : Rule(Fact, Label)
{
    public override FactKind Kind => FactKind.Count;
}

/// <summary>A failing found once: deducts <see cref="Points"/> however many rows report it.</summary>
public sealed record FlagRule(string Fact, string Label, decimal Points) : Rule(Fact, Label)
{
    public override FactKind Kind => FactKind.Flag;
}

/// <summary>A score judged out of <see cref="Max"/>; deducts max − score; pending until given.</summary>
public sealed record JudgedRule(string Fact, string Label, decimal Max) : Rule(Fact, Label)
{
    public override FactKind Kind => FactKind.Judged;
}
