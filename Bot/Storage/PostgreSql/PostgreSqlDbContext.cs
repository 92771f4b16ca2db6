using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Storage.PostgreSql;

/// <summary>
/// The same model as <see cref="FirstLineDbContext"/>, on PostgreSQL. A type of its own only so that EF Core keeps a
/// separate migration set for this provider (<c>Storage/PostgreSql/Migrations</c>); the stores see a
/// <see cref="FirstLineDbContext"/> either way.
/// </summary>
public sealed class PostgreSqlDbContext(DbContextOptions options) : FirstLineDbContext(options);
