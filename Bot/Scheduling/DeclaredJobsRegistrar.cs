using Quartz;

namespace FirstLine.Bot.Scheduling;

/// <summary>
/// At start, brings the job store in line with the declared jobs: stores each job (replacing its stored version), gives
/// it its schedule's trigger — kept as it is when the schedule did not change, so a restart does not reset when it
/// runs next — and deletes declared jobs that are no longer declared (a mailbox removed from the configuration).
/// Jobs scheduled at run time (one-off follow-ups and the like) carry no declaration mark and are left alone.
/// </summary>
internal sealed partial class DeclaredJobsRegistrar(
    ISchedulerFactory schedulers,
    IEnumerable<ScheduledJobDefinition> definitions,
    TimeProvider time,
    ILogger<DeclaredJobsRegistrar> logger) : IHostedService
{
    /// <summary>Job data key that marks a job as declared by the application's configuration.</summary>
    internal const string DeclaredMark = "firstline.declared";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var declared = definitions.ToList();
        foreach (var definition in declared)
        {
            await StoreAsync(scheduler, definition, cancellationToken);
        }

        var keys = declared.Select(d => d.Key).ToHashSet();
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), cancellationToken))
        {
            if (!keys.Contains(key) && await scheduler.GetJobDetail(key, cancellationToken) is { } detail && detail.JobDataMap.ContainsKey(DeclaredMark))
            {
                await scheduler.DeleteJob(key, cancellationToken);
                LogRemoved(key);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task StoreAsync(IScheduler scheduler, ScheduledJobDefinition definition, CancellationToken cancellationToken)
    {
        var data = new JobDataMap { [DeclaredMark] = "true" };
        foreach (var (name, value) in definition.Data)
        {
            data[name] = value;
        }

        var job = JobBuilder.Create()
            .OfType(definition.JobType)
            .WithIdentity(definition.Key)
            .WithDescription(definition.Description)
            .StoreDurably()
            .UsingJobData(data)
            .Build();
        await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);

        var triggerKey = JobTriggers.KeyFor(definition.Key);
        var stored = await scheduler.GetTrigger(triggerKey, cancellationToken);
        var trigger = definition.Schedule.BuildTrigger(definition.Key, time.GetUtcNow());
        if (trigger is null)
        {
            if (stored is not null)
            {
                await scheduler.UnscheduleJob(triggerKey, cancellationToken);
            }
        }
        else if (stored is null)
        {
            await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), cancellationToken);
        }
        else if (stored.Description != trigger.Description)
        {
            await scheduler.RescheduleJob(triggerKey, trigger, cancellationToken);
        }

        LogDeclared(definition.Key, definition.Schedule.Text);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} declared: {Schedule}")]
    private partial void LogDeclared(JobKey job, string schedule);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} is no longer declared by the configuration and was removed")]
    private partial void LogRemoved(JobKey job);
}
