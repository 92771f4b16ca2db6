using FirstLine.Bot.Scheduling;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.DirectLine;
using FirstLine.Bot.Tickets.FollowUps;
using FirstLine.Bot.Tickets.Sla;
using Microsoft.Extensions.DependencyInjection;

namespace FirstLine.Bot.Tests.Scheduling;

/// <summary>The SLA watch and the follow-ups run in the product: on the real scheduler, recorded like every job.</summary>
public abstract class DeskClockJobsTests(StorageProvider provider)
{
    [Fact]
    public async Task The_SLA_watch_and_the_follow_ups_run_on_the_scheduler_every_minute_and_their_runs_are_recorded()
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider);
        var definitions = host.Services.GetServices<ScheduledJobDefinition>().ToList();
        Assert.Contains(definitions, d => d.Key.Equals(SlaWatchJob.Key) && d.JobType == typeof(SlaWatchJob));
        Assert.Contains(definitions, d => d.Key.Equals(FollowUpsJob.Key) && d.JobType == typeof(FollowUpsJob));

        var store = host.Services.GetRequiredService<JobStatusStore>();
        foreach (var key in new[] { SlaWatchJob.Key, FollowUpsJob.Key })
        {
            var status = await Eventually.MatchesAsync(
                () => store.FindAsync(key, CancellationToken.None),
                s => s is { TotalRuns: >= 1 },
                $"a recorded run of {key}",
                TimeSpan.FromSeconds(90));
            Assert.Equal((JobOutcome.Succeeded, 0), (status!.LastOutcome, status.ConsecutiveFailures));
        }
    }
}

public sealed class DeskClockJobsOnSqliteTests() : DeskClockJobsTests(StorageProvider.Sqlite);

public sealed class DeskClockJobsOnPostgreSqlTests() : DeskClockJobsTests(StorageProvider.PostgreSql);
