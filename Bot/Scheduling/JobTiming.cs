using Quartz;

namespace FirstLine.Bot.Scheduling;

/// <summary>
/// One trigger's schedule as data, so a reader can word it in its own language (the console does): every
/// <see cref="Every"/>, on the cron expression <see cref="Cron"/> in <see cref="TimeZone"/>, or <see cref="Once"/>.
/// All empty for a trigger kind FirstLine does not create; <see cref="JobInfo.Schedule"/> still says what it is.
/// </summary>
public sealed record JobTiming(TimeSpan? Every = null, string? Cron = null, string? TimeZone = null, DateTimeOffset? Once = null)
{
    internal static JobTiming From(ITrigger trigger) => trigger switch
    {
        ICronTrigger cron => new JobTiming(Cron: cron.CronExpressionString, TimeZone: cron.TimeZone.Id),
        ISimpleTrigger { RepeatCount: 0 } once => new JobTiming(Once: once.StartTimeUtc),
        ISimpleTrigger simple => new JobTiming(Every: simple.RepeatInterval),
        _ => new JobTiming(),
    };
}
