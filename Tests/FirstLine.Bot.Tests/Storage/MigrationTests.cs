using FirstLine.Bot.Storage;
using Microsoft.EntityFrameworkCore;

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

    private const string AddBoth = "The model changed without a migration; add one for both providers (README.md, 'Database migrations').";
}
