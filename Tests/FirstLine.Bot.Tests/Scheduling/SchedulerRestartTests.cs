using FirstLine.Bot.Scheduling;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.DirectLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace FirstLine.Bot.Tests.Scheduling;

/// <summary>The real Quartz scheduler with its job store in the app's database (SQLite file or PostgreSQL), across a restart of the host.</summary>
public abstract class SchedulerRestartTests(StorageProvider provider)
{
    private static readonly JobKey Probe = new("restart-probe", "tests");

    [Fact]
    public async Task A_job_scheduled_to_run_later_survives_a_restart_of_the_host_and_runs_in_the_next_one()
    {
        await using var first = await DirectLineHost.StartAsync(provider: provider, configureServices: AddProbeJobType);
        var scheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = JobBuilder.Create<ReportingJob>().WithIdentity(Probe).Build();
        var runAt = DateTimeOffset.UtcNow.AddSeconds(5);
        await scheduler.ScheduleJob(job, TriggerBuilder.Create().WithIdentity("restart-probe", "tests").StartAt(runAt).Build(), new ScheduleJobOptions());
        await first.StopAsync();
        Assert.Null(await first.ReadDatabaseAsync(ProbeStatusAsync));

        await using var second = await first.StartSuccessorAsync(configureServices: AddProbeJobType);

        var status = await Eventually.MatchesAsync(
            () => second.Services.GetRequiredService<JobStatusStore>().FindAsync(Probe, CancellationToken.None),
            s => s is not null,
            "the probe job to run in the restarted host");
        Assert.Equal(JobOutcome.Succeeded, status!.LastOutcome);
        Assert.Equal(ReportingJob.Summary, status.LastResult);
        Assert.True(status.LastStartedAt >= runAt.AddSeconds(-1), $"ran at {status.LastStartedAt}, scheduled for {runAt}");
        Assert.Equal(1, status.TotalRuns);
    }

    private static void AddProbeJobType(IServiceCollection services) => services.AddTransient<ReportingJob>();

    /// <summary>The probe's status straight from the database.</summary>
    private static Task<JobStatusRow?> ProbeStatusAsync(FirstLineDbContext db) =>
        db.Set<JobStatusRow>().AsNoTracking().FirstOrDefaultAsync(r => r.JobGroup == Probe.Group && r.JobName == Probe.Name);
}

public sealed class SchedulerRestartOnSqliteTests() : SchedulerRestartTests(StorageProvider.Sqlite);

public sealed class SchedulerRestartOnPostgreSqlTests() : SchedulerRestartTests(StorageProvider.PostgreSql);
