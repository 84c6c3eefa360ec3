using Notices.Core.Storage;

namespace Notices.Scheduling;

/// <summary>
/// The <c>Schedule</c> settings section: when nodes fire and where Quartz keeps its jobs.
/// </summary>
public sealed class ScheduleOptions
{
    /// <summary>The configuration section these settings are bound from.</summary>
    public const string Section = "Schedule";

    /// <summary>Time of day every node fires, "HH:mm" (default 18:00, after the office day).</summary>
    public string TimeOfDay { get; set; } = "18:00";

    /// <summary>The IANA zone the time of day is read in (default Asia/Shanghai).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Which database holds Quartz's job store: a SQLite file or a shared PostgreSQL.</summary>
    public StoreProvider JobStoreProvider { get; set; } = StoreProvider.Sqlite;

    /// <summary>The SQLite job store file (default data/quartz.db, beside the store).</summary>
    public string JobStorePath { get; set; } = "data/quartz.db";

    /// <summary>The PostgreSQL connection string of the job store, when the provider is Postgres.</summary>
    public string? JobStoreConnectionString { get; set; }

    /// <summary>
    /// Several <c>notices run</c> processes share one PostgreSQL job store. Quartz refuses
    /// clustering on SQLite, so this needs <see cref="JobStoreProvider"/> Postgres.
    /// </summary>
    public bool Clustered { get; set; }

    /// <summary>
    /// The Quartz scheduler's name; every process of one cluster uses the same (default notices).
    /// </summary>
    public string SchedulerName { get; set; } = "notices";

    /// <summary>
    /// This process's name in the node_runs table and the Quartz cluster (default AUTO: the host
    /// name and process id, see <see cref="ProcessInstanceId"/>). Every process of a cluster needs
    /// its own: Quartz recovers a dead process's work only under a name no live process uses.
    /// </summary>
    public string InstanceId { get; set; } = "AUTO";

    /// <summary>
    /// The name this process goes by: <see cref="InstanceId"/>, or "host-pid" when it is AUTO.
    /// Quartz is given this name rather than AUTO, so that its cluster and the node_runs table
    /// name a process alike.
    /// </summary>
    public string ProcessInstanceId => InstanceId == "AUTO"
        ? $"{Environment.MachineName}-{Environment.ProcessId}"
        : InstanceId;

    /// <summary>
    /// How many districts' nodes this process runs at once (default: one per core). A node of
    /// one district runs after another, in date order; districts run side by side. Each running
    /// node holds its district's evidence and renders one bulletin.
    /// </summary>
    public int Workers { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// How long a run marked running by another process is trusted before it counts as
    /// abandoned (that process died) and may be taken over. Default 2 hours. The last resort:
    /// when a process dies inside a node, Quartz's recovery of the node job reruns it sooner.
    /// </summary>
    public TimeSpan RunLease { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// How long a stop waits for the running node to finish (default 10 minutes: a city's
    /// bulletin node renders and mails for a while). The host's own default is 30 seconds.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Rehearsal only: the simulated time the clock starts from (an ISO date-time, e.g.
    /// 2021-01-01T00:00:00+08:00). With it, every command runs on an
    /// <see cref="AcceleratedTimeProvider"/> instead of the real clock.
    /// </summary>
    public DateTimeOffset? SimulateFrom { get; set; }

    /// <summary>
    /// Rehearsal only: simulated seconds per real second (86400: a day per second; default 1).
    /// </summary>
    public double? SimulateSpeed { get; set; }

    /// <summary>
    /// Rehearsal only: the real instant the simulated clock shows <see cref="SimulateFrom"/>
    /// (default: when the process starts). The processes of a rehearsed cluster share one, so
    /// that they agree on the time.
    /// </summary>
    public DateTimeOffset? SimulateAnchor { get; set; }

    /// <summary>
    /// The clock these settings ask for: an accelerated one from <see cref="SimulateFrom"/>
    /// when it is set, otherwise <paramref name="real"/>.
    /// </summary>
    /// <param name="real">The real clock.</param>
    public TimeProvider Clock(TimeProvider real) => SimulateFrom is { } from
        ? new AcceleratedTimeProvider(from, SimulateSpeed ?? 1, SimulateAnchor, real)
        : real;
}
