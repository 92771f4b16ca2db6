using FirstLine.Bot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FirstLine.Bot.Tests.Support;

/// <summary>
/// A PostgreSQL database with FirstLine's migrations applied, made once per test process: every fresh test database
/// is a copy of it (<c>CREATE DATABASE … TEMPLATE</c>), so a host on a fresh database finds nothing left to migrate
/// instead of running every migration again. Its name carries the test process's id; a later test process drops the
/// templates of processes that have ended (the test host is killed at the end, so it cannot drop its own).
/// </summary>
internal static class PostgreSqlTemplate
{
    private const string Prefix = "firstline_template_";

    private static readonly Lazy<Task<string>> Migrated = new(CreateAsync);

    /// <summary>The template's name; made (and migrated) on first use.</summary>
    public static Task<string> NameAsync() => Migrated.Value;

    private static async Task<string> CreateAsync()
    {
        await DropTemplatesOfEndedProcessesAsync();
        var name = $"{Prefix}{Environment.ProcessId}_{Guid.NewGuid():N}";
        await PostgreSqlServer.ExecuteAsync($"CREATE DATABASE \"{name}\"");

        // No pooling: CREATE DATABASE … TEMPLATE refuses a template that still has a connection open.
        var connectionString = new NpgsqlConnectionStringBuilder(PostgreSqlServer.ForDatabase(name)) { Pooling = false }.ConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = nameof(StorageProvider.PostgreSql),
            [$"ConnectionStrings:{StorageConnection.Name}"] = connectionString,
        }).Build();
        await using var storage = new ServiceCollection().AddLogging().AddFirstLineStorage(configuration).BuildServiceProvider();
        await using var db = await storage.GetRequiredService<IDbContextFactory<FirstLineDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        return name;
    }

    private static async Task DropTemplatesOfEndedProcessesAsync()
    {
        var templates = new List<string>();
        await using (var connection = await PostgreSqlServer.OpenAsync())
        await using (var list = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE datname LIKE '{Prefix}%'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                templates.Add(reader.GetString(0));
            }
        }

        foreach (var template in templates.Where(t => !IsRunning(t[Prefix.Length..t.LastIndexOf('_')])))
        {
            await PostgreSqlServer.ExecuteAsync($"DROP DATABASE IF EXISTS \"{template}\" WITH (FORCE)");
        }
    }

    private static bool IsRunning(string processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(int.Parse(processId, System.Globalization.CultureInfo.InvariantCulture));
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            // No process with that id any more.
            return false;
        }
    }
}
