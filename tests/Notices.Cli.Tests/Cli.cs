using System.Diagnostics;
using System.Text;

namespace Notices.Cli.Tests;

/// <summary>Runs the real <c>notices</c> program in a child process and captures what it prints.</summary>
internal static class Cli
{
    public static string RepoRoot => Repository.Root;

    public static string Seed(string name) => Path.Combine(RepoRoot, "seeds", name);

    public static Task<CliResult> RunAsync(string workingFolder, params string[] args) =>
        RunAsync(workingFolder, new Dictionary<string, string>(), args);

    /// <summary>Runs with <paramref name="environment"/> set (NOTICES__… settings, for example).</summary>
    public static async Task<CliResult> RunAsync(
        string workingFolder, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingFolder, environment, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// <c>dotnet notices.dll args</c> in <paramref name="workingFolder"/>, its output captured,
    /// with <paramref name="environment"/> and none of the developer's own NOTICES__ settings.
    /// </summary>
    public static ProcessStartInfo StartInfo(
        string workingFolder, IReadOnlyDictionary<string, string> environment, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "notices.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);

        // The store and scheme come from the arguments, never from the developer's environment.
        foreach (var key in start.Environment.Keys
            .Where(k => k.StartsWith("NOTICES__", StringComparison.Ordinal))
            .ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        return start;
    }
}

internal sealed record CliResult(int ExitCode, string Out, string Error);
