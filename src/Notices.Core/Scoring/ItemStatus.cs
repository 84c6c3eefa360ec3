namespace Notices.Core.Scoring;

/// <summary>Where an item stands at an as-of date.</summary>
public enum ItemStatus
{
    /// <summary>Due and scored.</summary>
    Scored,

    /// <summary>Due, but a judged score has not been given: not counted, blocks a final bulletin.</summary>
    Pending,

    /// <summary>Its node is after the as-of date: adds nothing to the points available.</summary>
    NotDue,
}
