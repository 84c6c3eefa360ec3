using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Notices.Core;
using Notices.Core.Schemes;
using Notices.Core.Storage;
using Quartz;

namespace Notices.Scheduling;

/// <summary>Adds the unattended schedule (Quartz on the generic host) to a host's services.</summary>
public static class ScheduleServiceCollectionExtensions
{
    /// <summary>
    /// Adds Quartz with a persistent job store (provisioned on first start), the node job, its
    /// triggers from <paramref name="scheme"/>'s nodes, the catch-up at start and a shutdown
    /// that waits for the running node.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="scheme">The year's scheme.</param>
    /// <param name="options">The Schedule settings.</param>
    /// <param name="store">The Notices store, which holds the node_runs table.</param>
    /// <param name="work">Makes the node work (score, snapshot, render, send) from the container.</param>
    /// <param name="time">The clock: the system's, or a fake one that drives a simulated year.</param>
    /// <exception cref="ProblemException">A Schedule setting cannot be read.</exception>
    public static IServiceCollection AddNodeSchedule(this IServiceCollection services, Scheme scheme,
        ScheduleOptions options, Database store, Func<IServiceProvider, INodeWork> work, TimeProvider time)
    {
        var schedule = NodeSchedule.Build(scheme, options);
        if (options.Clustered && options.JobStoreProvider != StoreProvider.Postgres)
        {
            throw new ProblemException(new Problem("settings", 0, "Schedule:Clustered",
                "a cluster needs a shared job store, and Quartz refuses clustering on SQLite; "
                + "set Schedule:JobStoreProvider to Postgres with Schedule:JobStoreConnectionString, "
                + "or Schedule:Clustered to false."));
        }

        services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownTimeout);
        services.AddSingleton(options);
        services.AddSingleton(schedule);
        services.AddSingleton(time);
        services.AddSingleton(new NodeRunStore(store));
        services.AddSingleton(work);
        services.AddSingleton<NodeRunner>();
        services.AddTransient<NodeJob>();

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = options.SchedulerName;
                // Named, not AUTO: given AUTO through this builder Quartz stores the word AUTO
                // itself, every process of a cluster then checks in as one, and none is ever
                // found dead, so a trigger a killed process held stays held.
                o.InstanceId = options.ProcessInstanceId;
            });
            q.UseTimeProvider(time);
            q.UseDefaultThreadPool(Math.Max(1, options.Workers));

            // Quartz reads its waits on the clock it is given; on a fast clock they keep their
            // real length, or a cluster would poll its database without pause and take a
            // process whose check-in is a few real milliseconds old for dead.
            if (time is AcceleratedTimeProvider fast)
                q.ConfigureScheduler(o => o.IdleWaitTime = Real(fast, TimeSpan.FromMilliseconds(200)));
            q.UsePersistentStore(s =>
            {
                if (options.JobStoreProvider == StoreProvider.Postgres)
                {
                    s.UsePostgres(options.JobStoreConnectionString ?? throw new ProblemException(
                        new Problem("settings", 0, "Schedule:JobStoreConnectionString",
                            "the job store is Postgres but has no connection string; set "
                            + "NOTICES__Schedule__JobStoreConnectionString.")));
                    if (options.Clustered)
                    {
                        s.UseClustering(c =>
                        {
                            if (time is AcceleratedTimeProvider fast)
                            {
                                c.CheckinInterval = Real(fast, TimeSpan.FromSeconds(1));
                                c.CheckinMisfireThreshold = Real(fast, TimeSpan.FromSeconds(5));
                            }
                        });
                    }
                }
                else
                {
                    s.UseSqlite(SqliteJobStore(options.JobStorePath));
                }

                if (time is AcceleratedTimeProvider fastStore)
                {
                    s.ConfigureStore(o =>
                    {
                        o.MisfireThreshold = Real(fastStore, TimeSpan.FromSeconds(1));
                        o.MisfireHandlerFrequency = Real(fastStore, TimeSpan.FromSeconds(1));
                        o.DbRetryInterval = Real(fastStore, TimeSpan.FromSeconds(2));
                        o.LockWaitWarningThreshold = Real(fastStore, TimeSpan.FromSeconds(30));
                    });
                }

                s.UseSystemTextJsonSerializer();
                s.ProvisionSchema();
            });
        });

        // Registered after Quartz's hosted service: the scheduler has started (and created
        // its tables) by the time the installer adds triggers.
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<ScheduleInstaller>();
        return services;
    }

    private static string SqliteJobStore(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder { DataSource = full, Pooling = true }.ToString();
    }

    // A wait of this real length on the fast clock. Quartz refuses waits over 49.7 days (a
    // timer's limit), which a real second becomes from a speed of about 4.3 million.
    private static TimeSpan Real(AcceleratedTimeProvider fast, TimeSpan real)
    {
        var simulated = fast.Simulated(real);
        var most = TimeSpan.FromDays(49);
        return simulated < most ? simulated : most;
    }
}
