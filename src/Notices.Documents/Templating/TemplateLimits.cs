namespace Notices.Documents.Templating;

/// <summary>
/// The sandbox limits a template runs under. Clerks edit templates, so every limit is on by
/// default: a runaway loop, deep recursion or huge output stops with an error naming the
/// template instead of hanging the scheduled run.
/// </summary>
public sealed record TemplateLimits
{
    /// <summary>The defaults: generous for a bulletin, tight for a mistake.</summary>
    public static TemplateLimits Default { get; } = new();

    /// <summary>Iterations allowed per loop (Scriban's LoopLimit).</summary>
    public int LoopLimit { get; init; } = 10_000;

    /// <summary>Nested function calls allowed (Scriban's RecursiveLimit).</summary>
    public int RecursiveLimit { get; init; } = 64;

    /// <summary>Longest string one value may turn into, in UTF-16 characters.</summary>
    public int StringLimit { get; init; } = 100_000;

    /// <summary>Longest output a template may write, in UTF-16 characters.</summary>
    public int OutputLimit { get; init; } = 2_000_000;

    /// <summary>Wall-clock time a render may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
}
