using Quartz;

namespace FirstLine.Bot.Scheduling;

/// <summary>The one trigger a declared job's schedule lives on: same name and group as the job, its schedule text as description.</summary>
internal static class JobTriggers
{
    public static TriggerKey KeyFor(JobKey job) => new(job.Name, job.Group);

    public static TriggerBuilder<IJob> For(JobKey job, string scheduleText, DateTimeOffset startAt) =>
        TriggerBuilder.Create()
            .WithIdentity(KeyFor(job))
            .ForJob(job)
            .WithDescription(scheduleText)
            .StartAt(startAt);
}
