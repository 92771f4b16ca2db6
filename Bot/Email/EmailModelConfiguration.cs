using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Email;

/// <summary>How the email channel's mailbox state, handled mail, sent Message-IDs and outbox are stored.</summary>
internal static class EmailModelConfiguration
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<EmailMailboxStateRow>(e =>
        {
            e.ToTable("EmailMailboxes");
            e.HasKey(x => x.Mailbox);
            e.Property(x => x.Mailbox).HasMaxLength(320);
            e.Property(x => x.LastError).HasMaxLength(2000);
        });
        modelBuilder.Entity<EmailMessageRow>(e =>
        {
            e.ToTable("EmailMessages");
            e.HasKey(x => x.Id);
            e.Property(x => x.Mailbox).HasMaxLength(320);
            e.Property(x => x.MessageKey).HasMaxLength(300);
            e.Property(x => x.ConversationId).HasMaxLength(256);
            e.Property(x => x.TicketNumber).HasMaxLength(32);
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.Sender).HasMaxLength(320);
            e.Property(x => x.Subject).HasMaxLength(512);
            e.HasIndex(x => new { x.Mailbox, x.MessageKey }).IsUnique();
            e.HasIndex(x => x.MessageKey);

            // The per-sender answer limit counts one sender's mails of the last hour for every mail (AutoReplyLimit).
            e.HasIndex(x => new { x.Sender, x.HandledAt });
        });
        modelBuilder.Entity<EmailSentMessageRow>(e =>
        {
            e.ToTable("EmailSentMessages");
            e.HasKey(x => x.MessageId);
            e.Property(x => x.MessageId).HasMaxLength(300);
            e.Property(x => x.Mailbox).HasMaxLength(320);
            e.Property(x => x.ConversationId).HasMaxLength(256);
            e.Property(x => x.TicketNumber).HasMaxLength(32);
            e.Property(x => x.Recipient).HasMaxLength(320);
        });
        modelBuilder.Entity<EmailOutboxRow>(e =>
        {
            e.ToTable("EmailOutbox");
            e.HasKey(x => x.Id);
            e.Property(x => x.Mailbox).HasMaxLength(320);
            e.Property(x => x.MessageId).HasMaxLength(300);
            e.Property(x => x.ConversationId).HasMaxLength(256);
            e.Property(x => x.Recipient).HasMaxLength(320);
            e.Property(x => x.LastError).HasMaxLength(2000);
            e.HasIndex(x => new { x.SentAt, x.GaveUp, x.NextAttemptAt });
        });
    }
}
