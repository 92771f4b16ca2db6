using FirstLine.Bot.Scheduling;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace FirstLine.Bot.Tests.Scheduling;

/// <summary>"Run now" on the real scheduler: one extra run, recorded like every run; a job that is not there is named.</summary>
public abstract class ManualJobRunsTests(StorageProvider provider)
{
    private static readonly JobKey OnDemand = new("on-demand", "tests");

    [Fact]
    public async Task Run_now_runs_an_on_demand_job_once_and_its_run_is_recorded()
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider, configureServices: services =>
            services.AddScheduledJob<ReportingJob>(OnDemand, JobSchedule.OnDemand, "Runs only when asked."));
        var statuses = host.Services.GetRequiredService<JobStatusStore>();
        Assert.Null(await statuses.FindAsync(OnDemand, CancellationToken.None));

        await host.Services.GetRequiredService<ManualJobRuns>().RunNowAsync(OnDemand, "agent:admin", CancellationToken.None);

        var status = await Eventually.MatchesAsync(() => statuses.FindAsync(OnDemand, CancellationToken.None), s => s is not null, "the run asked for");
        Assert.Equal((JobOutcome.Succeeded, ReportingJob.Summary, 1L), (status!.LastOutcome, status.LastResult, status.TotalRuns));
        Assert.Contains(host.Log.Entries, e => e.Message == "Job tests.on-demand was started now at the request of agent:admin");
    }

    [Fact]
    public async Task Run_now_of_a_job_that_is_not_in_the_store_says_which_one()
    {
        await using var host = await DirectLineHost.StartAsync(provider: provider);

        var refused = await Assert.ThrowsAsync<UnknownJobException>(() =>
            host.Services.GetRequiredService<ManualJobRuns>().RunNowAsync(new JobKey("no-such-job", "tests"), "agent:admin", CancellationToken.None));

        Assert.Equal("There is no job 'tests.no-such-job' in the scheduler's store.", refused.Message);
    }
}

public sealed class ManualJobRunsOnSqliteTests() : ManualJobRunsTests(StorageProvider.Sqlite);

public sealed class ManualJobRunsOnPostgreSqlTests() : ManualJobRunsTests(StorageProvider.PostgreSql);
