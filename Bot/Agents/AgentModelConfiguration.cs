using FirstLine.Bot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Agents;

/// <summary>How agents, API keys and kept replies are stored.</summary>
internal static class AgentModelConfiguration
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AgentRow>(e =>
        {
            e.ToTable("Agents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Email).HasMaxLength(320);
            e.Property(x => x.NormalizedEmail).HasMaxLength(320);
            e.HasIndex(x => x.NormalizedEmail).IsUnique();
            e.Property(x => x.Name).HasMaxLength(256);
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Level).HasConversion<int>();
            e.Property(x => x.PasswordHash).HasMaxLength(512);
            e.Property(x => x.Queues).HasMaxLength(1024);
            e.Property(x => x.SecurityStamp).HasMaxLength(64);
        });
        modelBuilder.Entity<ApiKeyRow>(e =>
        {
            e.ToTable("ApiKeys");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(128);
            e.Property(x => x.KeyId).HasMaxLength(32);
            e.HasIndex(x => x.KeyId).IsUnique();
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Level).HasConversion<int>();
            e.Property(x => x.CreatedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<TicketReplyRow>(e =>
        {
            e.ToTable("TicketReplies");
            e.HasKey(x => x.Id);
            e.Property(x => x.TicketNumber).HasMaxLength(32);
            e.Property(x => x.Actor).HasMaxLength(256);
            e.Property(x => x.AuthorName).HasMaxLength(256);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.LastError).HasMaxLength(1000);
            e.Property(x => x.ActivityId).HasMaxLength(128);
            e.HasIndex(x => x.TicketId);
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            e.HasOne<TicketRow>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
