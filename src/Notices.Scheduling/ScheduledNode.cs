using Notices.Core.Schemes;

namespace Notices.Scheduling;

/// <summary>One node of the year for one district, and the instant it fires.</summary>
/// <param name="Node">The node date (an item node, a quarter end or a bulletin date).</param>
/// <param name="District">The district's id.</param>
/// <param name="Bulletin">The bulletin issued at this node, if any.</param>
/// <param name="FireAt">The node date at the configured time of day in the configured zone.</param>
public sealed record ScheduledNode(DateOnly Node, string District, BulletinNode? Bulletin, DateTimeOffset FireAt)
{
    /// <summary>The run handed to <see cref="INodeWork"/> for this node.</summary>
    public NodeRun ToRun(bool force) => new(Node, District, Bulletin, force);

    /// <summary>"2021-06-25/shili", as the log and the trigger names write it.</summary>
    public override string ToString() => $"{Node:yyyy-MM-dd}/{District}";
}
