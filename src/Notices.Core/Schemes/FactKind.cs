namespace Notices.Core.Schemes;

/// <summary>The four kinds of fact the spec knows, and so the four kinds of rule.</summary>
public enum FactKind
{
    /// <summary>A report handed in on the fact's date; value blank (or 1).</summary>
    Submission,

    /// <summary>Findings; value a whole number ≥ 1, blank meaning 1; rows add up.</summary>
    Count,

    /// <summary>A failing found; value blank or 1.</summary>
    Flag,

    /// <summary>A judged score with at most one decimal, 0 to the rule's max; never blank.</summary>
    Judged,
}
