using System.Diagnostics;
using System.Text;

namespace Notices.Delivery.Tests.Support;

/// <summary>
/// The test host's sender running as a child process, so a test can kill it mid-send the way
/// a power cut or an OOM kill would, and start it again.
/// </summary>
public sealed class ChildSender : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ChildSender(Process process)
    {
        this.process = process;
    }

    /// <summary>Everything the child wrote to stdout and stderr.</summary>
    public string Output
    {
        get
        {
            lock (output)
                return output.ToString();
        }
    }

    /// <summary>Starts the sender with <paramref name="arguments"/> and extra environment variables.</summary>
    public static ChildSender Start(IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var host = Path.Combine(
            AppContext.BaseDirectory.Replace(
                "Notices.Delivery.Tests", "Notices.Delivery.TestHost", StringComparison.Ordinal),
            "Notices.Delivery.TestHost.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(host);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        var process = new Process { StartInfo = start };
        var child = new ChildSender(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Kills the child at once (SIGKILL): no finally block, no flush runs.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>Waits for the child to finish on its own; its exit code.</summary>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the child sender did not finish in {timeout}; it wrote:\n{Output}");
        }
        return process.ExitCode;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, or fails after <paramref name="timeout"/>.</summary>
    public static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"waited {timeout} for {what}");
            await Task.Delay(5);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }
}
