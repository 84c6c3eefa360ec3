namespace Notices.Core.Scoring;

/// <summary>Where a point on the checklist stands.</summary>
public enum ChecklistState
{
    /// <summary>Deadline passed, nothing handed in.</summary>
    Missing,

    /// <summary>Due item whose judged score has not been given.</summary>
    Pending,

    /// <summary>Handed in after the deadline.</summary>
    Late,

    /// <summary>Deadline coming, nothing handed in yet.</summary>
    Due,
}
