using FirstLine.Bot.Storage;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace FirstLine.Bot.Scheduling;

/// <summary>Keeps each job's last run and failure counts in the <c>JobStatus</c> table.</summary>
public sealed class JobStatusStore(IDbContextFactory<FirstLineDbContext> contexts)
{
    /// <summary>Adds one finished run to the job's row; returns the row as it now stands.</summary>
    public async Task<JobStatusRow> RecordAsync(JobKey job, JobRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            return await TryRecordAsync(job, run, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node or run inserted the job's first row at the same moment; now it exists, so update it.
            return await TryRecordAsync(job, run, cancellationToken);
        }
    }

    public async Task<IReadOnlyDictionary<JobKey, JobStatusRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<JobStatusRow>().AsNoTracking().ToListAsync(cancellationToken);
        return rows.ToDictionary(r => new JobKey(r.JobName, r.JobGroup));
    }

    public async Task<JobStatusRow?> FindAsync(JobKey job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<JobStatusRow>().AsNoTracking().FirstOrDefaultAsync(r => r.JobGroup == job.Group && r.JobName == job.Name, cancellationToken);
    }

    private async Task<JobStatusRow> TryRecordAsync(JobKey job, JobRun run, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<JobStatusRow>().FirstOrDefaultAsync(r => r.JobGroup == job.Group && r.JobName == job.Name, cancellationToken);
        if (row is null)
        {
            row = new JobStatusRow { JobGroup = job.Group, JobName = job.Name };
            db.Add(row);
        }

        row.LastStartedAt = run.StartedAt;
        row.LastFinishedAt = run.StartedAt + run.Duration;
        row.LastDurationMs = (long)run.Duration.TotalMilliseconds;
        row.LastOutcome = run.Outcome;
        row.LastResult = Truncate(run.Summary);
        row.LastRunBy = run.RunBy;
        row.TotalRuns++;
        switch (run.Outcome)
        {
            case JobOutcome.Failed:
                row.LastError = Truncate(run.Summary);
                row.LastErrorAt = row.LastFinishedAt;
                row.ConsecutiveFailures++;
                row.TotalFailures++;
                break;
            case JobOutcome.Succeeded:
                row.ConsecutiveFailures = 0;
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    private static string Truncate(string text) =>
        text.Length <= SchedulingModelConfiguration.MaxTextLength ? text : text[..SchedulingModelConfiguration.MaxTextLength];
}

/// <summary>One finished run of a job, as the job shell saw it.</summary>
public sealed record JobRun(DateTimeOffset StartedAt, TimeSpan Duration, JobOutcome Outcome, string Summary, string RunBy);
