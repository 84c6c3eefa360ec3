using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Notices.Core.Schemes;
using Notices.Documents.Fonts;
using Notices.Documents.Pdf;
using Notices.Core.Storage;

namespace Notices.Cli;

/// <summary>
/// What every command needs: the merged configuration, logging (to stderr, so stdout stays
/// clean for JSON), the clock, the scheme and the store.
/// </summary>
internal sealed class CliContext : IDisposable
{
    private Scheme? scheme;

    private CliContext(
        IConfigurationRoot configuration,
        NoticesSettings settings,
        ILoggerFactory loggers,
        TextWriter output,
        TextWriter error)
    {
        Configuration = configuration;
        Settings = settings;
        Loggers = loggers;
        Out = output;
        Error = error;
    }

    /// <summary>The settings file option, shared by every command.</summary>
    public static Option<string?> ConfigOption { get; } = new("--config")
    {
        Description = "Settings file (default: notices.json in the working folder, if present)",
        Recursive = true,
    };

    public static Option<string?> SchemeOption { get; } = new("--scheme")
    {
        Description = "The year's scheme file (default: seeds/scheme-2021.yaml)",
        Recursive = true,
    };

    public static Option<string?> StoreOption { get; } = new("--store")
    {
        Description = "The SQLite store file (default: data/notices.db)",
        Recursive = true,
    };

    public IConfigurationRoot Configuration { get; }

    public NoticesSettings Settings { get; }

    public ILoggerFactory Loggers { get; }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public static CliContext Create(ParseResult result, TextWriter output, TextWriter error)
    {
        var configFile = result.GetValue(ConfigOption);
        var overrides = new Dictionary<string, string?>();
        if (result.GetValue(SchemeOption) is { } schemePath)
            overrides["Scheme"] = schemePath;
        if (result.GetValue(StoreOption) is { } storePath)
            overrides["Store:Path"] = storePath;

        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile(configFile ?? "notices.json", optional: configFile is null)
            .AddEnvironmentVariables("NOTICES__")
            .AddInMemoryCollection(overrides)
            .Build();

        var settings = new NoticesSettings();
        configuration.Bind(settings);

        var loggers = LoggerFactory.Create(logging =>
        {
            logging.AddConfiguration(configuration.GetSection("Logging"));
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });

            // Logs go to stderr at every level: stdout carries the command's result (JSON, tables).
            logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        });

        // Schedule:SimulateFrom (rehearsals, tests) puts every command on a fast clock.
        var schedule = new Notices.Scheduling.ScheduleOptions();
        configuration.GetSection(Notices.Scheduling.ScheduleOptions.Section).Bind(schedule);
        return new CliContext(configuration, settings, loggers, output, error)
        {
            Time = schedule.Clock(TimeProvider.System),
        };
    }

    public Scheme Scheme => scheme ??= SchemeLoader.Load(Settings.Scheme);

    public Database Store => Settings.Store.Provider == StoreProvider.Postgres
        ? new Database(StoreProvider.Postgres, Settings.Store.ConnectionString
            ?? throw new InvalidOperationException(
                "Store:Provider is Postgres but Store:ConnectionString is not set; "
                + "set NOTICES__Store__ConnectionString."))
        : Database.Sqlite(Settings.Store.Path);

    /// <summary>A PDF writer over the fonts the settings point to (Fonts, then the system, then fallbacks).</summary>
    public PdfWriter CreatePdfWriter() => new(new FontSearchOptions(Settings.Fonts), Time);

    public void Dispose() => Loggers.Dispose();
}
