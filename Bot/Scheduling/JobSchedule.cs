using System.Globalization;
using Quartz;

namespace FirstLine.Bot.Scheduling;

/// <summary>What a run that was missed (node down, scheduler busy) turns into.</summary>
public enum MisfirePolicy
{
    /// <summary>All missed runs collapse into one run as soon as the scheduler can, then the schedule goes on.</summary>
    RunOnceNow,

    /// <summary>Missed runs are dropped; the job waits for its next regular time.</summary>
    Skip,
}

/// <summary>When a declared job runs: every interval, on a cron expression, or only when triggered.</summary>
public abstract record JobSchedule
{
    /// <summary>Never by itself: only <see cref="IScheduler.TriggerJob(JobKey, JobDataMap?, CancellationToken)"/> runs it.</summary>
    public static JobSchedule OnDemand { get; } = new OnDemandSchedule();

    public MisfirePolicy Misfire { get; init; }

    /// <summary>Every <paramref name="interval"/>, the first run right away.</summary>
    public static JobSchedule Every(TimeSpan interval, MisfirePolicy misfire = MisfirePolicy.RunOnceNow) =>
        interval >= TimeSpan.FromSeconds(1)
            ? new IntervalSchedule(interval) { Misfire = misfire }
            : throw new ArgumentOutOfRangeException(nameof(interval), interval, "A job interval must be at least one second.");

    /// <summary>
    /// On a Quartz cron expression (seconds first: <c>"0 30 2 * * ?"</c> is 02:30 every day) in <paramref name="timeZone"/>
    /// (default UTC).
    /// </summary>
    public static JobSchedule Cron(string expression, TimeZoneInfo? timeZone = null, MisfirePolicy misfire = MisfirePolicy.RunOnceNow)
    {
        try
        {
            _ = new CronExpression(expression);
        }
        catch (FormatException exception)
        {
            throw new ArgumentException($"'{expression}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. '0 30 2 * * ?'): {exception.Message}", nameof(expression), exception);
        }

        return new CronSchedule(expression, timeZone ?? TimeZoneInfo.Utc) { Misfire = misfire };
    }

    /// <summary>How the schedule reads in <c>/api/jobs</c> and the console, e.g. "every 00:01:00 (missed runs: once now)".</summary>
    public abstract string Text { get; }

    /// <summary>The trigger that carries this schedule, first firing at <paramref name="startAt"/>; none for <see cref="OnDemand"/>.</summary>
    internal abstract ITrigger? BuildTrigger(JobKey job, DateTimeOffset startAt);

    private protected string MisfireText => Misfire == MisfirePolicy.RunOnceNow ? "missed runs: once now" : "missed runs: skipped";

    private sealed record OnDemandSchedule : JobSchedule
    {
        public override string Text => "on demand";

        internal override ITrigger? BuildTrigger(JobKey job, DateTimeOffset startAt) => null;
    }

    private sealed record IntervalSchedule(TimeSpan Interval) : JobSchedule
    {
        public override string Text => string.Create(CultureInfo.InvariantCulture, $"every {Interval:c} ({MisfireText})");

        internal override ITrigger BuildTrigger(JobKey job, DateTimeOffset startAt) =>
            JobTriggers.For(job, Text, startAt)
                .WithSimpleSchedule(s =>
                {
                    s.WithInterval(Interval).RepeatForever();
                    s.WithMisfireInstruction(Misfire == MisfirePolicy.RunOnceNow
                        ? SimpleTriggerMisfireInstruction.NowWithExistingCount
                        : SimpleTriggerMisfireInstruction.NextWithRemainingCount);
                })
                .Build();
    }

    private sealed record CronSchedule(string Expression, TimeZoneInfo TimeZone) : JobSchedule
    {
        public override string Text => $"cron '{Expression}' {TimeZone.Id} ({MisfireText})";

        internal override ITrigger BuildTrigger(JobKey job, DateTimeOffset startAt) =>
            JobTriggers.For(job, Text, startAt)
                .WithCronSchedule(Expression, c =>
                {
                    c.InTimeZone(TimeZone);
                    c.WithMisfireInstruction(Misfire == MisfirePolicy.RunOnceNow
                        ? CronTriggerMisfireInstruction.FireAndProceed
                        : CronTriggerMisfireInstruction.DoNothing);
                })
                .Build();
    }
}
