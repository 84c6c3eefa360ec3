using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Notices.Cli.Tests.Support;

/// <summary>
/// The real <c>notices</c> program as a child process with its own environment, its log
/// (stderr) collected line by line while it runs.
/// </summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly Process process;
    private readonly Task<string> output;

    private ServiceProcess(Process process, string name)
    {
        this.process = process;
        Name = name;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                Lines.Enqueue(e.Data);
        };
        process.BeginErrorReadLine();
        output = process.StandardOutput.ReadToEndAsync();
    }

    public string Name { get; }

    public int Id => process.Id;

    /// <summary>Every line it logged so far.</summary>
    public ConcurrentQueue<string> Lines { get; } = new();

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Starts <c>dotnet notices.dll args</c> in <paramref name="folder"/>.</summary>
    public static ServiceProcess Start(string name, string folder, IReadOnlyDictionary<string, string> environment,
        params string[] args)
    {
        return new ServiceProcess(Process.Start(Cli.StartInfo(folder, environment, args))!, name);
    }

    /// <summary>
    /// Waits until a logged line contains <paramref name="text"/>; fails after <paramref name="limit"/>.
    /// </summary>
    public async Task WaitForLineAsync(string text, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!Lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            if (process.HasExited)
                throw new InvalidOperationException(
                    $"{Name} exited with {process.ExitCode} before logging \"{text}\":\n{Log}");
            if (clock.Elapsed > limit)
                throw new TimeoutException($"{Name} did not log \"{text}\" within {limit.TotalSeconds} s:\n{Log}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits (at most <paramref name="limit"/>) for it to exit; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        await process.WaitForExitAsync().WaitAsync(limit);
        await output.WaitAsync(limit);
        return process.ExitCode;
    }

    /// <summary>Asks it to stop as systemd does: SIGTERM.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Ends it at once with everything it started, as a crash or a power cut would.</summary>
    public void Kill() => process.Kill(entireProcessTree: true);

    public string Log => string.Join('\n', Lines);

    public void Dispose()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
