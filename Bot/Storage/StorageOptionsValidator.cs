using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FirstLine.Bot.Storage;

/// <summary>Checks the <c>Storage</c> section and <c>ConnectionStrings:FirstLine</c> at start, with messages that say what to change.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("Storage:DataDirectory must name a folder, e.g. 'data'.");
        }

        switch (options.Provider)
        {
            case StorageProvider.Sqlite:
                ValidateSqlite(options.ConnectionString, failures);
                break;
            case StorageProvider.PostgreSql:
                ValidatePostgreSql(options.ConnectionString, failures);
                break;
            default:
                failures.Add($"Storage:Provider '{options.Provider}' is unknown; use 'Sqlite' (one node) or 'PostgreSql' (several nodes).");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSqlite(string? connectionString, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        try
        {
            _ = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            failures.Add(
                $"ConnectionStrings:FirstLine is not a SQLite connection string ({exception.Message}). For PostgreSQL also set Storage:Provider to 'PostgreSql'; for SQLite use e.g. 'Data Source=/var/lib/firstline/firstline.db' or leave it empty.");
        }
    }

    private static void ValidatePostgreSql(string? connectionString, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            failures.Add(
                "Storage:Provider is 'PostgreSql' but ConnectionStrings:FirstLine is empty. Set it, e.g. ConnectionStrings__FirstLine='Host=db.example.com;Port=5432;Database=firstline;Username=firstline;Password=...'.");
            return;
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            failures.Add(
                $"ConnectionStrings:FirstLine is not a PostgreSQL connection string ({exception.Message}). Use e.g. 'Host=db.example.com;Port=5432;Database=firstline;Username=firstline;Password=...'.");
            return;
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            failures.Add("ConnectionStrings:FirstLine names no Host; add e.g. 'Host=db.example.com'.");
        }

        if (string.IsNullOrWhiteSpace(builder.Database))
        {
            failures.Add("ConnectionStrings:FirstLine names no Database; add e.g. 'Database=firstline'.");
        }
    }
}
