using Notices.Core.Schemes;

namespace Notices.Scheduling;

/// <summary>One node's work for one district, as handed to <see cref="INodeWork"/>.</summary>
/// <param name="Node">The node date: the as-of date of the score.</param>
/// <param name="District">The district's id (<see cref="District.Id"/>).</param>
/// <param name="Bulletin">The bulletin issued at this node, or null at a node that only scores.</param>
/// <param name="Force">True when an operator asked to redo a node already done.</param>
public sealed record NodeRun(DateOnly Node, string District, BulletinNode? Bulletin, bool Force);
