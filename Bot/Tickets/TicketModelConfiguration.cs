using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Tickets;

/// <summary>How tickets, customers, notes, attachments and the audit trail are stored.</summary>
internal static class TicketModelConfiguration
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CustomerRow>(e =>
        {
            e.ToTable("Customers");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(256);
            e.Property(x => x.Email).HasMaxLength(320);
            e.Property(x => x.Language).HasMaxLength(16);
            e.Property(x => x.Channel).HasMaxLength(64);
            e.Property(x => x.ChannelUserId).HasMaxLength(320);
            e.HasIndex(x => new { x.Channel, x.ChannelUserId }).IsUnique();
            e.HasIndex(x => x.Email);
        });
        modelBuilder.Entity<TicketRow>(e =>
        {
            e.ToTable("Tickets");
            e.HasKey(x => x.Id);
            e.Property(x => x.Number).HasMaxLength(32);
            e.HasIndex(x => x.Number).IsUnique();
            e.Property(x => x.Channel).HasMaxLength(64);
            e.Property(x => x.ConversationId).HasMaxLength(256);
            e.HasIndex(x => new { x.Channel, x.ConversationId });
            e.Property(x => x.Subject).HasMaxLength(512);
            e.Property(x => x.Category).HasMaxLength(64);
            e.Property(x => x.Queue).HasMaxLength(64);
            e.Property(x => x.Language).HasMaxLength(16);
            e.Property(x => x.Sentiment).HasMaxLength(16);
            e.Property(x => x.AssigneeId).HasMaxLength(128);
            e.Property(x => x.ResolutionArticleId).HasMaxLength(128);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Priority).HasConversion<string>().HasMaxLength(4);
            e.Property(x => x.Level).HasConversion<int>();
            e.Property(x => x.ETag).HasMaxLength(64).IsConcurrencyToken();
            e.HasIndex(x => new { x.Status, x.Queue, x.Level });
            e.HasOne(x => x.Customer).WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Notes).WithOne().HasForeignKey(n => n.TicketId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Audit).WithOne().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TicketNoteRow>(e =>
        {
            e.ToTable("TicketNotes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Author).HasMaxLength(256);
        });
        modelBuilder.Entity<TicketAttachmentRow>(e =>
        {
            e.ToTable("TicketAttachments");
            e.HasKey(x => x.Id);
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.ContentType).HasMaxLength(128);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.ContentId).HasMaxLength(256);
            e.Property(x => x.SourceMessageId).HasMaxLength(300);
            e.HasIndex(x => x.TicketId);
            e.HasOne<TicketRow>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TicketAuditRow>(e =>
        {
            e.ToTable("TicketAudit");
            e.HasKey(x => x.Id);
            e.Property(x => x.Actor).HasMaxLength(256);
            e.Property(x => x.Action).HasMaxLength(64);
            e.Property(x => x.Field).HasMaxLength(64);
        });
    }
}
