using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Notices.Cli.Service;
using Notices.Delivery;
using Notices.Scheduling;
using Quartz;

namespace Notices.Cli.Commands;

/// <summary>
/// <c>notices run</c>: the unattended service. On the generic host with Quartz, it fires every
/// node of the scheme at the configured time of day, catches up on start what passed while it
/// was down, and on stop lets the running node finish.
/// </summary>
internal static class RunCommand
{
    /// <summary>The command with the default work: a score snapshot at every node.</summary>
    public static Command Create() => Create(DefaultWork);

    /// <summary>The command with the node work <paramref name="work"/> makes.</summary>
    /// <param name="work">Makes the node work from the context and the host's services.</param>
    public static Command Create(Func<CliContext, IServiceProvider, INodeWork> work)
    {
        var rerun = new Option<string?>("--rerun")
        {
            Description = "Redo this node (already done or not) once the service has started",
            HelpName = "YYYY-MM-DD",
        };
        var district = CliOptions.District();

        var command = new Command("run", "Run unattended: score at every node, issue the bulletins at theirs")
        {
            rerun, district,
        };
        command.SetRun(async (context, result, cancellationToken) =>
        {
            var options = Options(context);
            using var host = BuildHost(context, options, services => work(context, services));
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("notices.run");

            await host.StartAsync(cancellationToken);
            if (result.GetValue(rerun) is { } text)
                await QueueRerunAsync(host, context, CliOptions.ParseDate(text, "--rerun"), result.GetValue(district));

            logger.LogInformation("Running; stop with Ctrl+C or SIGTERM (the running node finishes first)");
            await host.WaitForShutdownAsync(cancellationToken);
            return CommandRunner.Ok;
        });
        return command;
    }

    /// <summary>
    /// The service's host: the context's configuration and clock, logging to stderr, the
    /// schedule over the context's scheme and store, and <paramref name="work"/> at each node.
    /// </summary>
    public static IHost BuildHost(CliContext context, ScheduleOptions options, Func<IServiceProvider, INodeWork> work)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddConfiguration(context.Configuration);
        // Quartz's start-up chatter is for its own debugging; Logging:LogLevel:Quartz turns it on.
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
        builder.Logging.AddConfiguration(context.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
        });

        // As every command: the log goes to stderr, whatever its level.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddNodeSchedule(context.Scheme, options, context.Store, work, context.Time);

        // Between nodes, deferred and interrupted messages go out without waiting for the next node.
        builder.Services.AddSingleton(new BulletinDelivery(
            context.Store, context.Settings.Smtp, context.Settings.Templates, context.Settings.Output, context.Time));
        builder.Services.AddSingleton(context.Time);
        builder.Services.AddHostedService<OutboxPump>();
        return builder.Build();
    }

    /// <summary>The Schedule section; the SQLite job store defaults to quartz.db beside the store.</summary>
    public static ScheduleOptions Options(CliContext context)
    {
        var section = context.Configuration.GetSection(ScheduleOptions.Section);
        var options = new ScheduleOptions();
        section.Bind(options);
        if (section[nameof(ScheduleOptions.JobStorePath)] is null)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(context.Settings.Store.Path)) ?? ".";
            options.JobStorePath = Path.Combine(folder, "quartz.db");
        }
        return options;
    }

    /// <summary>A snapshot at every node; at bulletin nodes the bulletin rendered and mailed.</summary>
    private static INodeWork DefaultWork(CliContext context, IServiceProvider services) =>
        new BulletinNodeWork(context.Scheme, context.Settings, context.Store, context.Time);

    private static async Task QueueRerunAsync(IHost host, CliContext context, DateOnly date, string? only)
    {
        var schedule = host.Services.GetRequiredService<NodeSchedule>();
        var districts = only is null
            ? context.Scheme.Districts
            : [context.Scheme.FindDistrict(only) ?? throw Unknown.District(context.Scheme, only)];
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        foreach (var d in districts)
        {
            var node = schedule.Find(date, d.Id) ?? throw new Core.ProblemException(new Core.Problem("--rerun", 0, "",
                $"{date:yyyy-MM-dd} is not a node of the {context.Scheme.Year} scheme; its nodes are "
                + string.Join(", ", schedule.Nodes.Select(n => n.Node).Distinct().Select(n => n.ToString("MM-dd")))));
            await scheduler.ScheduleJob(NodeTriggers.Forced(node, context.Time));
        }
    }
}
