using Quartz;

namespace FirstLine.Bot.Scheduling;

/// <summary>
/// A job the application declares at start (<see cref="SchedulingServiceCollectionExtensions.AddScheduledJob{TJob}"/>):
/// stored in the job store with its schedule; removed again when a later start no longer declares it.
/// </summary>
public sealed record ScheduledJobDefinition(JobKey Key, Type JobType, JobSchedule Schedule, string Description)
{
    /// <summary>Values the job reads from <c>context.MergedJobDataMap</c> (e.g. which mailbox).</summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();
}
