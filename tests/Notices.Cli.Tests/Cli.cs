using System.Diagnostics;

namespace Notices.Cli.Tests;

/// <summary>The repository's seeds and the real <c>notices</c> program, as the command tests use them.</summary>
internal static class Cli
{
    public static string RepoRoot => Repository.Root;

    public static string Seed(string name) => Path.Combine(RepoRoot, "seeds", name);

    public static Task<ProgramRun> RunAsync(string workingFolder, params string[] args) =>
        NoticesProgram.RunAsync(workingFolder, new Dictionary<string, string>(), args);

    /// <summary>Runs with <paramref name="environment"/> set (NOTICES__… settings, for example).</summary>
    public static Task<ProgramRun> RunAsync(
        string workingFolder, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        NoticesProgram.RunAsync(workingFolder, environment, args);

    /// <summary>
    /// <c>dotnet notices.dll args</c> in <paramref name="workingFolder"/>, its output captured,
    /// with <paramref name="environment"/> and none of the developer's own NOTICES__ settings.
    /// </summary>
    public static ProcessStartInfo StartInfo(
        string workingFolder, IReadOnlyDictionary<string, string> environment, IEnumerable<string> args) =>
        NoticesProgram.StartInfo(workingFolder, environment, args);
}
