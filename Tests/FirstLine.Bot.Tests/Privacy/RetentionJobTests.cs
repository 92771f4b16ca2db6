using FirstLine.Bot.Privacy;
using FirstLine.Bot.Scheduling;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.DirectLine;
using FirstLine.Bot.Tests.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace FirstLine.Bot.Tests.Privacy;

/// <summary>The retention purge runs in the product: a nightly job on the real scheduler, recorded like every job.</summary>
public abstract class RetentionJobTests(StorageProvider provider)
{
    [Fact]
    public async Task The_retention_purge_is_a_nightly_job_whose_runs_are_recorded()
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider);
        Assert.Contains(host.Services.GetServices<ScheduledJobDefinition>(), d => d.Key.Equals(RetentionJob.Key) && d.JobType == typeof(RetentionJob));

        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(RetentionJob.Key);

        var status = await Eventually.MatchesAsync(
            () => host.Services.GetRequiredService<JobStatusStore>().FindAsync(RetentionJob.Key, CancellationToken.None),
            s => s is { TotalRuns: >= 1 },
            "a recorded run of the retention purge",
            TimeSpan.FromSeconds(60));
        Assert.Equal((JobOutcome.Succeeded, 0), (status!.LastOutcome, status.ConsecutiveFailures));
    }
}

public sealed class RetentionJobOnSqliteTests() : RetentionJobTests(StorageProvider.Sqlite);

public sealed class RetentionJobOnPostgreSqlTests() : RetentionJobTests(StorageProvider.PostgreSql);
