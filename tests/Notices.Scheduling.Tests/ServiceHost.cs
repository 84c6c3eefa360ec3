using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Notices.Core.Storage;

namespace Notices.Scheduling.Tests;

/// <summary>
/// A real generic host running the schedule (Quartz with its SQLite job store) over the
/// test's folder, with the test's clock and work.
/// </summary>
internal static class ServiceHost
{
    public static IHost Build(TempFolder folder, TimeProvider time, INodeWork work, string? name = null,
        ScheduleOptions? options = null, Database? store = null)
    {
        options ??= new ScheduleOptions();
        options.JobStorePath = folder.File("quartz.db");
        store ??= Database.Sqlite(folder.File("notices.db"));

        // Quartz keeps schedulers in a process-wide repository by name: tests running side
        // by side each need their own.
        options.SchedulerName = name ?? "test-" + Guid.NewGuid().ToString("N");

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddNodeSchedule(TestScheme.Create(), options, store, _ => work, time);
        return builder.Build();
    }

    /// <summary>Waits (real time) until <paramref name="condition"/> holds, or fails.</summary>
    public static async Task WaitUntil(Func<bool> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"timed out after {seconds} s waiting for {what}");
            await Task.Delay(20);
        }
    }
}
