namespace Notices.TestSupport;

/// <summary>What a run of the <c>notices</c> program returned and printed.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="Out">All it wrote to standard output.</param>
/// <param name="Error">All it wrote to standard error (the log and problems).</param>
public sealed record ProgramRun(int ExitCode, string Out, string Error);
