using Notices.Core.Schemes;

namespace Notices.Core.Scoring;

/// <summary>One point to chase: a unit, an item, where it stands, its deadline and what to do, in words.</summary>
public sealed record ChecklistEntry(Unit Unit, Item Item, ChecklistState State, DateOnly Deadline, string Detail);
