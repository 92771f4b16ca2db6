using FirstLine.Bot.Agents;
using FirstLine.Bot.Handoff;
using FirstLine.Bot.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FirstLine.Bot.Storage;

/// <summary>Everything FirstLine keeps, in one database.</summary>
public class FirstLineDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<DirectLineConversationRow> DirectLineConversations => Set<DirectLineConversationRow>();

    public DbSet<DirectLineActivityRow> DirectLineActivities => Set<DirectLineActivityRow>();

    public DbSet<AttachmentRow> Attachments => Set<AttachmentRow>();

    public DbSet<StateRow> States => Set<StateRow>();

    public DbSet<TranscriptRow> Transcripts => Set<TranscriptRow>();

    public DbSet<CustomerRow> Customers => Set<CustomerRow>();

    public DbSet<TicketRow> Tickets => Set<TicketRow>();

    public DbSet<TicketNoteRow> TicketNotes => Set<TicketNoteRow>();

    public DbSet<TicketAuditRow> TicketAudit => Set<TicketAuditRow>();

    public DbSet<TicketAttachmentRow> TicketAttachments => Set<TicketAttachmentRow>();

    public DbSet<ConversationOwnerRow> ConversationOwners => Set<ConversationOwnerRow>();

    public DbSet<AgentRow> Agents => Set<AgentRow>();

    public DbSet<ApiKeyRow> ApiKeys => Set<ApiKeyRow>();

    public DbSet<TicketReplyRow> TicketReplies => Set<TicketReplyRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite cannot compare or order DateTimeOffset text; UTC ticks sort correctly everywhere.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<DirectLineConversationRow>(e =>
        {
            e.ToTable("DirectLineConversations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.UserId).HasMaxLength(128);
            e.Property(x => x.UserName).HasMaxLength(256);
            e.Property(x => x.Locale).HasMaxLength(32);
        });
        modelBuilder.Entity<DirectLineActivityRow>(e =>
        {
            e.ToTable("DirectLineActivities");
            e.HasKey(x => new { x.ConversationId, x.Sequence });
            e.Property(x => x.ConversationId).HasMaxLength(64);
            e.Property(x => x.ActivityId).HasMaxLength(96);
            e.Property(x => x.Type).HasMaxLength(64);
        });
        modelBuilder.Entity<AttachmentRow>(e =>
        {
            e.ToTable("Attachments");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.ConversationId).HasMaxLength(64);
            e.Property(x => x.ContentType).HasMaxLength(256);
            e.Property(x => x.Name).HasMaxLength(512);
            e.HasIndex(x => x.ConversationId);
        });
        modelBuilder.Entity<StateRow>(e =>
        {
            e.ToTable("States");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(256);
            e.Property(x => x.Type).HasMaxLength(256);
            e.Property(x => x.ETag).HasMaxLength(64).IsConcurrencyToken();
        });
        modelBuilder.Entity<TranscriptRow>(e =>
        {
            e.ToTable("Transcripts");
            e.HasKey(x => x.Id);
            e.Property(x => x.ChannelId).HasMaxLength(64);
            e.Property(x => x.ConversationId).HasMaxLength(256);
            e.Property(x => x.ActivityId).HasMaxLength(128);
            e.Property(x => x.Type).HasMaxLength(64);
            e.HasIndex(x => new { x.ChannelId, x.ConversationId, x.Id });
        });
        TicketModelConfiguration.Configure(modelBuilder);
        FirstLine.Bot.Email.EmailModelConfiguration.Configure(modelBuilder);
        AgentModelConfiguration.Configure(modelBuilder);
        FirstLine.Bot.Scheduling.SchedulingModelConfiguration.Configure(modelBuilder);
        modelBuilder.Entity<ConversationOwnerRow>(e =>
        {
            e.ToTable("ConversationOwners");
            e.HasKey(x => new { x.Channel, x.ConversationId });
            e.Property(x => x.Channel).HasMaxLength(64);
            e.Property(x => x.ConversationId).HasMaxLength(256);
            e.Property(x => x.Owner).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.AgentId).HasMaxLength(128);
            e.Property(x => x.AgentName).HasMaxLength(256);
            e.Property(x => x.TicketNumber).HasMaxLength(32);
            e.Property(x => x.Locale).HasMaxLength(32);
            e.HasIndex(x => x.TicketNumber);
        });
    }
}

/// <summary>Stores a <see cref="DateTimeOffset"/> as UTC ticks.</summary>
internal sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
