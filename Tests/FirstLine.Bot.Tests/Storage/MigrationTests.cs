using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FirstLine.Bot.Tests.Storage;

/// <summary>Each provider's migration set describes the whole model, so no node starts on a half-built schema.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_SQLite_migrations_cover_the_whole_model()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), AddBoth);
    }

    [Fact]
    public void The_PostgreSQL_migrations_cover_the_whole_model()
    {
        using var db = new PostgreSqlDesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), AddBoth);
    }

    [Fact]
    public async Task An_existing_SQLite_conversation_log_continues_after_its_last_activity_when_the_sequence_counter_arrives()
    {
        using var folder = new TemporaryDirectory("firstline-migration");
        var options = new DbContextOptionsBuilder<FirstLineDbContext>().UseSqlite($"Data Source={Path.Combine(folder.Path, "old.db")};Pooling=False").Options;
        await using var db = new FirstLineDbContext(options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("AgentsAndApiKeys");
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "DirectLineConversations" ("Id", "UserId", "CreatedAt") VALUES ('old', 'u', 0), ('empty', 'u', 0);
            INSERT INTO "DirectLineActivities" ("ConversationId", "Sequence", "ActivityId", "Type", "Timestamp", "Json")
            VALUES ('old', 0, 'old|0000000', 'message', 1, 'null'), ('old', 1, 'old|0000001', 'message', 2, 'null'), ('old', 2, 'old|0000002', 'message', 3, 'null');
            """);

        await migrator.MigrateAsync();

        var next = await db.DirectLineConversations.OrderBy(c => c.Id).Select(c => c.NextSequence).ToListAsync();
        Assert.Equal([0L, 3L], next);
    }

    private const string AddBoth = "The model changed without a migration; add one for both providers (README.md, 'Database migrations').";
}
