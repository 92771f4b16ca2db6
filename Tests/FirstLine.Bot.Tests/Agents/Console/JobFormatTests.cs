using FirstLine.Bot.Agents.Console;
using FirstLine.Bot.Scheduling;

namespace FirstLine.Bot.Tests.Agents.Console;

/// <summary>How a job's schedule and last run read on the jobs page, in English and German.</summary>
public sealed class JobFormatTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory]
    [InlineData(1, "en", "every second")]
    [InlineData(10, "en", "every 10 seconds")]
    [InlineData(10, "de", "alle 10 Sekunden")]
    [InlineData(60, "en", "every minute")]
    [InlineData(60, "de", "jede Minute")]
    [InlineData(90, "en", "every 90 seconds")]
    [InlineData(7200, "de", "alle 2 Stunden")]
    [InlineData(3600, "de", "stündlich")]
    [InlineData(86400, "en", "every day")]
    public void An_interval_reads_in_its_largest_whole_unit(int seconds, string language, string expected) =>
        Assert.Equal(expected, Schedule(language, new JobTiming(Every: TimeSpan.FromSeconds(seconds))));

    [Theory]
    [InlineData("0 15 3 * * ?", "en", "daily at 03:15 (Europe/Berlin)")]
    [InlineData("0 15 3 * * ?", "de", "täglich um 03:15 Uhr (Europe/Berlin)")]
    [InlineData("30 0 22 ? * *", "en", "daily at 22:00:30 (Europe/Berlin)")]
    [InlineData("0 0/5 * * * ?", "en", "cron 0 0/5 * * * ? (Europe/Berlin)")]
    [InlineData("0 0 8 ? * MON-FRI", "de", "Cron 0 0 8 ? * MON-FRI (Europe/Berlin)")]
    public void A_daily_cron_reads_as_a_time_of_day_and_any_other_as_the_expression(string cron, string language, string expected) =>
        Assert.Equal(expected, Schedule(language, new JobTiming(Cron: cron, TimeZone: "Europe/Berlin")));

    [Theory]
    [InlineData("en", "on demand")]
    [InlineData("de", "nur auf Anforderung")]
    public void A_job_without_a_trigger_runs_on_demand(string language, string expected) =>
        Assert.Equal(expected, Schedule(language));

    [Fact]
    public void A_one_off_run_reads_in_the_desks_time_zone() =>
        Assert.Equal("einmal am 02.03.2026 10:00:00", Schedule("de", new JobTiming(Once: new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero))));

    [Theory]
    [InlineData(JobOutcome.Succeeded, "de", "erfolgreich")]
    [InlineData(JobOutcome.Failed, "en", "failed")]
    [InlineData(JobOutcome.Cancelled, "de", "abgebrochen")]
    [InlineData(null, "en", "never")]
    public void The_last_outcome_reads_in_the_admins_language(JobOutcome? outcome, string language, string expected) =>
        Assert.Equal(expected, JobFormat.Outcome(outcome, ConsoleTexts.For(language)));

    private static string Schedule(string language, params JobTiming[] timings) =>
        JobFormat.Schedule(
            new JobInfo("job", "tests", null, "scheduler text", timings, null, null, null, null, null, null, 0, 0, 0, null),
            ConsoleTexts.For(language),
            Berlin);
}
