using System.Globalization;
using System.Net;
using FirstLine.Bot.Agents;
using FirstLine.Bot.Scheduling;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.Scheduling;
using FirstLine.Bot.Tickets;
using Quartz;

namespace FirstLine.Bot.Tests.Agents.Console;

/// <summary>The console's jobs page over HTTP: admins only, every job with its schedule, runs and errors, in German and English.</summary>
public abstract class JobsPageTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private static readonly JobKey Failing = new("fails-hourly", "tests");
    private ConsoleTestHost console = null!;
    private JobStatusRow failed = null!;

    public async Task InitializeAsync()
    {
        // Its first run is right away, the next in an hour: the failure shown stays the one read here.
        console = await ConsoleTestHost.StartAsync(
            services => services.AddScheduledJob<ThrowingJob>(Failing, JobSchedule.Every(TimeSpan.FromHours(1)), "Fails on purpose."),
            provider);
        var agents = console.Get<AgentDirectory>();
        await agents.CreateAsync(new NewAgent("erika@example.test", "Erika Admin", Password, AgentRole.Admin, SupportLevel.Third), CancellationToken.None);
        await agents.CreateAsync(new NewAgent("bernd@example.test", "Bernd Keller", Password, AgentRole.Agent, SupportLevel.Second), CancellationToken.None);
        failed = (await Eventually.MatchesAsync(
            () => console.Get<JobStatusStore>().FindAsync(Failing, CancellationToken.None),
            s => s is { ConsecutiveFailures: 1 },
            "the failing job's first run"))!;
    }

    public async Task DisposeAsync() => await console.DisposeAsync();

    [Fact]
    public async Task An_admin_sees_every_job_with_its_schedule_runs_failures_and_last_error_in_the_desks_time_zone()
    {
        using var browser = await SignedInAsync("erika@example.test");

        var queue = await browser.GetStringAsync("/agent");
        var page = await browser.GetStringAsync("/agent/jobs");

        Assert.Contains("data-testid=\"nav-jobs\"", queue, StringComparison.Ordinal);
        foreach (var job in await console.Get<JobOverview>().ListAsync(CancellationToken.None))
        {
            Assert.Contains($"data-job=\"{job.Group}.{job.Name}\"", page, StringComparison.Ordinal);
        }

        Assert.Contains("daily at 03:15 (Europe/Berlin)", page, StringComparison.Ordinal);
        Assert.Contains("every minute", page, StringComparison.Ordinal);
        Assert.Contains("Times in Europe/Berlin", page, StringComparison.Ordinal);
        Assert.Contains($"InvalidOperationException: {ThrowingJob.Message}", page, StringComparison.Ordinal);
        Assert.Contains(InBerlin(failed.LastErrorAt!.Value), page, StringComparison.Ordinal);
        Assert.Contains("class=\"failing\" data-job=\"tests.fails-hourly\"", page, StringComparison.Ordinal);
        Assert.Contains(">Run now</button>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_jobs_page_speaks_German_to_a_German_admin()
    {
        using var browser = await SignedInAsync("erika@example.test");
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE,de;q=0.9");

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/agent/jobs"));

        Assert.Contains("Geplante Aufgaben", page, StringComparison.Ordinal);
        Assert.Contains("täglich um 03:15 Uhr (Europe/Berlin)", page, StringComparison.Ordinal);
        Assert.Contains("jede Minute", page, StringComparison.Ordinal);
        Assert.Contains("fehlgeschlagen", page, StringComparison.Ordinal);
        Assert.Contains(">Jetzt ausführen</button>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_sees_no_jobs_link_and_is_turned_away_from_the_jobs_page()
    {
        using var browser = await SignedInAsync("bernd@example.test");

        var queue = await browser.GetStringAsync("/agent");
        using var jobs = await browser.GetAsync("/agent/jobs");

        Assert.DoesNotContain("/agent/jobs", queue, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, jobs.StatusCode);
        Assert.Equal("/agent/denied", jobs.Headers.Location!.AbsolutePath);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var browser = ConsoleBrowser.Open(console.Host.BaseUrl);
        using var signedIn = await ConsoleBrowser.SignInAsync(browser, email, Password);
        Assert.Equal("/agent", signedIn.Headers.Location!.OriginalString);
        return browser;
    }

    private static string InBerlin(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}

public sealed class JobsPageOnSqliteTests() : JobsPageTests(StorageProvider.Sqlite);

public sealed class JobsPageOnPostgreSqlTests() : JobsPageTests(StorageProvider.PostgreSql);
