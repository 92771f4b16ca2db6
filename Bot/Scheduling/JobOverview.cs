using System.Globalization;
using Quartz;

namespace FirstLine.Bot.Scheduling;

/// <summary>Every job in the store with its schedule (from Quartz) and its last run and failures (from JobStatus).</summary>
public sealed class JobOverview(ISchedulerFactory schedulers, JobStatusStore statuses)
{
    public async Task<IReadOnlyList<JobInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var status = await statuses.ListAsync(cancellationToken);
        var jobs = new List<JobInfo>();
        var keys = (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), cancellationToken))
            .OrderBy(k => k.Group, StringComparer.Ordinal)
            .ThenBy(k => k.Name, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            // A job deleted between the listing and this read (another node, a finished one-off) is simply not shown.
            if (await scheduler.GetJobDetail(key, cancellationToken) is not { } detail)
            {
                continue;
            }

            var triggers = await scheduler.GetTriggersOfJob(key, cancellationToken);
            status.TryGetValue(key, out var run);
            jobs.Add(new JobInfo(
                key.Name,
                key.Group,
                detail.Description,
                ScheduleText(key, triggers),
                Timings(key, triggers),
                triggers.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min(),
                run?.LastStartedAt ?? triggers.Select(t => t.PreviousFireTimeUtc).Where(t => t is not null).Max(),
                run?.LastOutcome,
                run?.LastResult,
                run?.LastError,
                run?.LastErrorAt,
                run?.ConsecutiveFailures ?? 0,
                run?.TotalRuns ?? 0,
                run?.TotalFailures ?? 0,
                run?.LastRunBy));
        }

        return jobs;
    }

    /// <summary>The declared trigger's schedule text; for jobs scheduled at run time, what their triggers say.</summary>
    private static string ScheduleText(JobKey key, IReadOnlyCollection<ITrigger> triggers)
    {
        var declared = triggers.FirstOrDefault(t => t.Key.Equals(JobTriggers.KeyFor(key)) && t.Description is not null);
        if (declared is not null)
        {
            return declared.Description!;
        }

        return triggers.Count == 0 ? JobSchedule.OnDemand.Text : string.Join("; ", triggers.Select(Describe));
    }

    /// <summary>The declared trigger's schedule as data; for jobs scheduled at run time, each trigger's; none on demand.</summary>
    private static IReadOnlyList<JobTiming> Timings(JobKey key, IReadOnlyCollection<ITrigger> triggers) =>
        triggers.FirstOrDefault(t => t.Key.Equals(JobTriggers.KeyFor(key))) is { } declared
            ? [JobTiming.From(declared)]
            : [.. triggers.Select(JobTiming.From)];

    private static string Describe(ITrigger trigger) => trigger switch
    {
        ICronTrigger cron => $"cron '{cron.CronExpressionString}' {cron.TimeZone.Id}",
        ISimpleTrigger { RepeatCount: 0 } once => string.Create(CultureInfo.InvariantCulture, $"once at {once.StartTimeUtc:yyyy-MM-dd HH:mm:ss} UTC"),
        ISimpleTrigger simple => string.Create(CultureInfo.InvariantCulture, $"every {simple.RepeatInterval:c}"),
        _ => trigger.Description ?? trigger.GetType().Name,
    };
}

/// <summary>One job as admins see it.</summary>
public sealed record JobInfo(
    string Name,
    string Group,
    string? Description,
    string Schedule,
    IReadOnlyList<JobTiming> Timings,
    DateTimeOffset? NextRun,
    DateTimeOffset? PreviousRun,
    JobOutcome? LastOutcome,
    string? LastResult,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    int ConsecutiveFailures,
    long TotalRuns,
    long TotalFailures,
    string? LastRunBy);
