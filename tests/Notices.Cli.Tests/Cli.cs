using System.Diagnostics;
using System.Text;

namespace Notices.Cli.Tests;

/// <summary>Runs the real <c>notices</c> program in a child process and captures what it prints.</summary>
internal static class Cli
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Seed(string name) => Path.Combine(RepoRoot, "seeds", name);

    /// <summary>
    /// A notices.json for <paramref name="folder"/> naming the repository's templates (check
    /// and the bulletin nodes of run need them) and <paramref name="scheme"/> when given.
    /// </summary>
    public static void WriteSettings(string folder, string? scheme = null)
    {
        static string Json(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal);
        var schemeLine = scheme is null ? "" : $"\"Scheme\": \"{Json(scheme)}\", ";
        File.WriteAllText(Path.Combine(folder, "notices.json"),
            $"{{ {schemeLine}\"Templates\": \"{Json(Path.Combine(RepoRoot, "templates"))}\" }}");
    }

    public static async Task<CliResult> RunAsync(string workingFolder, params string[] args)
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
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("NOTICES__", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return new CliResult(process.ExitCode, await output, await error);
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Notices.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Notices.sln not found above the test folder");
    }
}

internal sealed record CliResult(int ExitCode, string Out, string Error);
