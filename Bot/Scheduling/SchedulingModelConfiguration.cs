using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Scheduling;

/// <summary>How the job status rows are stored (Quartz keeps its own QRTZ_ tables in the same database).</summary>
internal static class SchedulingModelConfiguration
{
    public const int MaxTextLength = 2000;

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<JobStatusRow>(e =>
        {
            e.ToTable("JobStatus");
            e.HasKey(x => new { x.JobGroup, x.JobName });
            e.Property(x => x.JobGroup).HasMaxLength(200);
            e.Property(x => x.JobName).HasMaxLength(200);
            e.Property(x => x.LastOutcome).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.LastResult).HasMaxLength(MaxTextLength);
            e.Property(x => x.LastError).HasMaxLength(MaxTextLength);
            e.Property(x => x.LastRunBy).HasMaxLength(200);
        });
    }
}
