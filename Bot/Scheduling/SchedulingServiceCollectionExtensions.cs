using FirstLine.Bot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace FirstLine.Bot.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>The scheduler's name; every node of a cluster uses the same one.</summary>
    public const string SchedulerName = "FirstLine";

    /// <summary>
    /// Quartz with its job store in FirstLine's own database: the SQLite file by default (Quartz creates its QRTZ_
    /// tables when missing), PostgreSQL clustered when <c>Storage:Provider</c> is <c>PostgreSql</c> (each job runs on one
    /// node at a time). Plus the job shell (<see cref="ScheduledJob"/>), the <c>JobStatus</c> records and the jobs
    /// declared with <see cref="AddScheduledJob{TJob}"/>.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SchedulingOptions.SectionName);
        services.AddOptions<SchedulingOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SchedulingOptions>, SchedulingOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<JobStatusStore>();
        services.AddSingleton<JobShell>();
        services.AddSingleton<JobOverview>();
        services.AddSingleton<ManualJobRuns>();

        // The store is chosen while the services are described, so the options are read here; the validator above
        // reports bad values at start with the key to fix (the clamps only keep Quartz from refusing them first).
        var options = section.Get<SchedulingOptions>() ?? new SchedulingOptions();
        var database = SchedulerDatabase.From(configuration);
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = SchedulerName;

                // Shutdown signals the jobs' cancellation tokens, then waits for them to unwind.
                scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
            });
            quartz.UseDefaultThreadPool(Math.Clamp(options.MaxConcurrency, 1, 64));
            quartz.UsePersistentStore(store =>
            {
                if (database.Provider == StorageProvider.PostgreSql)
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseClustering(cluster => cluster.CheckinInterval = options.ClusterCheckinInterval);
                }
                else
                {
                    store.UseSqlite(database.ConnectionString);
                }

                store.ProvisionSchema();
                store.ConfigureStore(o =>
                {
                    o.MisfireThreshold = options.MisfireThreshold;

                    // Job data holds strings only (a mailbox address); kept readable in the database.
                    o.StoreJobDataAsStrings = true;
                });
            });
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        services.AddHostedService<DeclaredJobsRegistrar>();
        return services;
    }

    /// <summary>
    /// Declares a job that runs on <paramref name="schedule"/> from start-up on (see <see cref="ScheduledJob"/> for
    /// writing one). <paramref name="key"/> names it in logs, <c>/api/jobs</c> and the console; group related jobs
    /// (<c>new JobKey("sla-watch", "tickets")</c>).
    /// </summary>
    public static IServiceCollection AddScheduledJob<TJob>(
        this IServiceCollection services,
        JobKey key,
        JobSchedule schedule,
        string description,
        IReadOnlyDictionary<string, string>? data = null)
        where TJob : ScheduledJob
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        services.TryAddTransient<TJob>();
        services.AddSingleton(new ScheduledJobDefinition(key, typeof(TJob), schedule, description) { Data = data ?? new Dictionary<string, string>() });
        return services;
    }
}
