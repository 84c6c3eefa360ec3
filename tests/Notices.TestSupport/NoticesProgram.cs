using System.Diagnostics;
using System.Text;

namespace Notices.TestSupport;

/// <summary>
/// Runs the real <c>notices</c> program (<c>dotnet notices.dll</c>) in a child process, with only
/// the NOTICES__ settings a test gives, and captures what it prints.
/// </summary>
public static class NoticesProgram
{
    /// <summary>The built notices.dll.</summary>
    public static string Dll { get; } = FindDll();

    /// <summary>
    /// <c>dotnet notices.dll args</c> in <paramref name="workingFolder"/>, its output captured,
    /// with <paramref name="environment"/> and none of the developer's own NOTICES__ settings.
    /// </summary>
    public static ProcessStartInfo StartInfo(
        string workingFolder,
        IEnumerable<KeyValuePair<string, string>> environment,
        IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);

        // The store and scheme come from the test, never from the developer's environment.
        foreach (var key in start.Environment.Keys
            .Where(k => k.StartsWith("NOTICES__", StringComparison.Ordinal))
            .ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        return start;
    }

    /// <summary>Runs the program to its end (two minutes at most) and returns what it printed.</summary>
    public static async Task<ProgramRun> RunAsync(
        string workingFolder, IEnumerable<KeyValuePair<string, string>> environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingFolder, environment, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return new ProgramRun(process.ExitCode, await output, await error);
    }

    private static string FindDll()
    {
        // A test project that references Notices.Cli has the program in its own output folder.
        var own = Path.Combine(AppContext.BaseDirectory, "notices.dll");
        if (File.Exists(own))
            return own;

        // One that only builds it (ReferenceOutputAssembly="false") finds it in src/Notices.Cli's
        // output of the same configuration and framework: tests/<project>/bin/Debug/net10.0.
        var below = Path.GetRelativePath(Repository.Root, AppContext.BaseDirectory)
            .Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var built = Path.Combine([Repository.Root, "src", "Notices.Cli", .. below.Skip(2), "notices.dll"]);
        return File.Exists(built)
            ? built
            : throw new FileNotFoundException(
                $"notices.dll is not built at {built}; reference src/Notices.Cli from the test project", built);
    }
}
