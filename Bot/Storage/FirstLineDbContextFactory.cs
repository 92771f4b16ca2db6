using FirstLine.Bot.Storage.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Storage;

/// <summary>
/// Hands out the context type whose migrations belong to the configured provider: <see cref="FirstLineDbContext"/>
/// on SQLite, <see cref="PostgreSqlDbContext"/> on PostgreSQL. Both have the same model.
/// </summary>
internal sealed class FirstLineDbContextFactory(DbContextOptions<FirstLineDbContext> options, IOptions<StorageOptions> storage)
    : IDbContextFactory<FirstLineDbContext>
{
    private readonly bool postgreSql = storage.Value.Provider == StorageProvider.PostgreSql;

    public FirstLineDbContext CreateDbContext() => postgreSql ? new PostgreSqlDbContext(options) : new FirstLineDbContext(options);
}
