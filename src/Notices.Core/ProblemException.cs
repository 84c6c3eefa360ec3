namespace Notices.Core;

/// <summary>
/// Thrown when an input (scheme file, evidence file, template) has problems; carries every
/// problem found, not just the first, so one run shows the user all there is to fix.
/// Nothing has been stored or written when this is thrown.
/// </summary>
public sealed class ProblemException : Exception
{
    public ProblemException(IReadOnlyList<Problem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    public ProblemException(Problem problem)
        : this([problem])
    {
    }

    public IReadOnlyList<Problem> Problems { get; }

    private static string Describe(IReadOnlyList<Problem> problems) =>
        problems.Count == 1
            ? problems[0].ToString()
            : $"{problems.Count} problems:{Environment.NewLine}" + string.Join(Environment.NewLine, problems);
}
