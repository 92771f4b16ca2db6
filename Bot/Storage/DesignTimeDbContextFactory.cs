using FirstLine.Bot.Storage.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FirstLine.Bot.Storage;

/// <summary>Lets <c>dotnet ef migrations add --context FirstLineDbContext</c> build the SQLite model without starting the host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<FirstLineDbContext>
{
    public FirstLineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FirstLineDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>
/// Lets <c>dotnet ef migrations add --context PostgreSqlDbContext</c> build the PostgreSQL model; adding a migration
/// needs no server (the connection string is never opened).
/// </summary>
internal sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlDbContext>
{
    public PostgreSqlDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlDbContext>().UseNpgsql("Host=localhost;Database=firstline_design_time").Options);
}
