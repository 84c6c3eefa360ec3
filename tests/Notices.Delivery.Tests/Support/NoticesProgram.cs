using System.Diagnostics;
using System.Text;

namespace Notices.Delivery.Tests.Support;

/// <summary>Runs the real <c>notices</c> program in a working folder and captures what it prints.</summary>
public static class NoticesProgram
{
    /// <summary>What a run printed and returned.</summary>
    public sealed record Run(int ExitCode, string Out, string Error);

    /// <summary>Runs <c>notices</c> with <paramref name="args"/> and only the given NOTICES__ variables.</summary>
    public static async Task<Run> RunAsync(
        string workingFolder, IDictionary<string, string> environment, params string[] args)
    {
        var program = Path.Combine(
            AppContext.BaseDirectory.Replace(
                Path.Combine("tests", "Notices.Delivery.Tests"),
                Path.Combine("src", "Notices.Cli"),
                StringComparison.Ordinal),
            "notices.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(program);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        var inherited = start.Environment.Keys.Where(k => k.StartsWith("NOTICES__", StringComparison.Ordinal));
        foreach (var key in inherited.ToList())
            start.Environment.Remove(key);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return new Run(process.ExitCode, await output, await error);
    }
}
