using Notices.Core.Storage;

namespace Notices.Cli;

/// <summary>
/// Every setting of the <c>notices</c> command, bound from (lowest to highest precedence)
/// <c>notices.json</c>, <c>NOTICES__Section__Key</c> environment variables, and command-line options.
/// Relative paths are taken from the working folder.
/// </summary>
public sealed class NoticesSettings
{
    /// <summary>The year's scheme file.</summary>
    public string Scheme { get; set; } = "seeds/scheme-2021.yaml";

    /// <summary>The folder of Scriban templates that staff edit.</summary>
    public string Templates { get; set; } = "templates";

    /// <summary>
    /// A folder of the official fonts (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312), searched before
    /// the system's font folders and the Debian fallbacks.
    /// </summary>
    public string? Fonts { get; set; }

    /// <summary>Where rendered bulletins and postings go.</summary>
    public string Output { get; set; } = "output";

    public StoreSettings Store { get; set; } = new();

    public Notices.Delivery.SmtpSettings Smtp { get; set; } = new();
}

public sealed class StoreSettings
{
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>The SQLite file (when <see cref="Provider"/> is Sqlite).</summary>
    public string Path { get; set; } = "data/notices.db";

    /// <summary>The PostgreSQL connection string (when <see cref="Provider"/> is Postgres).</summary>
    public string? ConnectionString { get; set; }
}
