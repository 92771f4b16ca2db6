using FirstLine.Bot.Scheduling;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace FirstLine.Bot.Tests.Scheduling;

/// <summary>What the job shell does with a job that throws, on the real scheduler.</summary>
public abstract class JobFailureTests(StorageProvider provider)
{
    private static readonly JobKey Failing = new("always-throws", "tests");

    [Fact]
    public async Task A_job_that_throws_is_recorded_with_its_error_and_its_next_run_still_happens()
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider, configureServices: services =>
            services.AddScheduledJob<ThrowingJob>(Failing, JobSchedule.Every(TimeSpan.FromSeconds(1)), "Throws every second."));

        var status = await Eventually.MatchesAsync(
            () => host.Services.GetRequiredService<JobStatusStore>().FindAsync(Failing, CancellationToken.None),
            s => s is { ConsecutiveFailures: >= 2 },
            "two failed runs in a row");

        Assert.Equal(JobOutcome.Failed, status!.LastOutcome);
        Assert.Equal($"InvalidOperationException: {ThrowingJob.Message}", status.LastError);
        Assert.NotNull(status.LastErrorAt);
        Assert.Equal(status.TotalRuns, status.TotalFailures);
        Assert.Contains(host.Log.Entries, e => e.Level == LogLevel.Error && e.Message.StartsWith("Job tests.always-throws failed", StringComparison.Ordinal) && e.Exception is InvalidOperationException);
    }
}

public sealed class JobFailureOnSqliteTests() : JobFailureTests(StorageProvider.Sqlite);

public sealed class JobFailureOnPostgreSqlTests() : JobFailureTests(StorageProvider.PostgreSql);
