using FirstLine.Bot.Agents;
using FirstLine.Bot.Privacy;
using FirstLine.Bot.Scheduling;
using FirstLine.Bot.Tests.DirectLine;
using FirstLine.Bot.Tests.Scheduling;
using FirstLine.Bot.Tests.Support;
using FirstLine.Bot.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.RealClients;

/// <summary>
/// The console's jobs page in Chromium, driven by <c>Tests/clients/jobs-page.mjs</c> through the real UI: an admin signs
/// in, opens the page, sees every job with a failed one's error, runs an on-demand job now and reads the page in German.
/// </summary>
[Collection(RealClientsCollection.Name)]
public sealed class AdminJobsPageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string AdminEmail = "erika@example.test";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);
    private static readonly JobKey Failing = new("fails-hourly", "tests");
    private static readonly JobKey OnDemand = new("on-demand", "tests");
    private readonly string password = Guid.NewGuid().ToString("N");
    private DirectLineHost host = null!;

    public async Task InitializeAsync()
    {
        host = await DirectLineHost.StartAsync(configureServices: services => services
            .AddScheduledJob<ThrowingJob>(Failing, JobSchedule.Every(TimeSpan.FromHours(1)), "Fails on purpose.")
            .AddScheduledJob<ReportingJob>(OnDemand, JobSchedule.OnDemand, "Runs only when asked."));
        await host.Services.GetRequiredService<AgentDirectory>().CreateAsync(
            new NewAgent(AdminEmail, "Erika Admin", password, AgentRole.Admin, SupportLevel.Third),
            CancellationToken.None);
        await Eventually.MatchesAsync(
            () => host.Services.GetRequiredService<JobStatusStore>().FindAsync(Failing, CancellationToken.None),
            s => s is { ConsecutiveFailures: 1 },
            "the failing job's first run");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task An_admin_signs_in_opens_the_jobs_page_sees_every_job_and_a_failed_ones_error_and_runs_a_job_now()
    {
        var node = RealClientPrerequisites.RequireBrowserClient();
        var jobs = await host.Services.GetRequiredService<JobOverview>().ListAsync(CancellationToken.None);
        var environment = new Dictionary<string, string>
        {
            ["FIRSTLINE_URL"] = host.BaseUrl,
            ["ADMIN_EMAIL"] = AdminEmail,
            ["ADMIN_PASSWORD"] = password,
            ["EXPECT_JOBS"] = string.Join(',', jobs.Select(j => $"{j.Group}.{j.Name}")),
            ["FAILED_JOB"] = Failing.ToString(),
            ["FAILED_ERROR"] = $"InvalidOperationException: {ThrowingJob.Message}",
            ["RUN_NOW_JOB"] = OnDemand.ToString(),
            ["RUN_NOW_RESULT"] = ReportingJob.Summary,
            ["CHROMIUM_PATH"] = RealClientPrerequisites.ChromiumPath,
            ["NO_COLOR"] = "1",
        };

        var result = await NodeProcess.RunAsync(node, ["jobs-page.mjs"], environment, output, Timeout);

        Assert.False(result.TimedOut, $"jobs-page.mjs did not finish within {Timeout}");
        Assert.True(result.ExitCode == 0, $"jobs-page.mjs exited with {result.ExitCode}; its output (and screenshot path) is above");
        Assert.Contains("PASSED jobs-page", result.Output, StringComparison.Ordinal);
        Assert.Contains(jobs, j => j.Name == RetentionJob.Key.Name && j.Group == RetentionJob.Key.Group);
        var ran = await host.Services.GetRequiredService<JobStatusStore>().FindAsync(OnDemand, CancellationToken.None);
        Assert.Equal((JobOutcome.Succeeded, 1L), (ran!.LastOutcome, ran.TotalRuns));
        Assert.Contains(host.Log.Entries, e => e.Message.StartsWith($"Job {OnDemand} was started now at the request of agent:", StringComparison.Ordinal));
    }
}
