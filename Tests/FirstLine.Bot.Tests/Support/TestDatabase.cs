using FirstLine.Bot.Storage;

namespace FirstLine.Bot.Tests.Support;

/// <summary>
/// The database a test host runs on: the SQLite file in the host's data folder (the product's default), or a
/// fresh PostgreSQL database of its own on the test server, dropped when the test is done. Two hosts given the same
/// instance share it, as two nodes would.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract StorageProvider Provider { get; }

    /// <summary>The configuration (<c>--Key=value</c>) that points a host at this database.</summary>
    public abstract IReadOnlyList<string> Settings { get; }

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider, CancellationToken cancellationToken = default) => provider switch
    {
        StorageProvider.Sqlite => new SqliteInDataFolder(),
        StorageProvider.PostgreSql => await PostgreSqlTestDatabase.CreateFreshAsync(cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "No test database for this provider."),
    };

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    public override string ToString() => Provider.ToString();

    private sealed class SqliteInDataFolder : TestDatabase
    {
        public override StorageProvider Provider => StorageProvider.Sqlite;

        public override IReadOnlyList<string> Settings => [];
    }
}

/// <summary>A uniquely named database on the test PostgreSQL server, created migrated (a copy of <see cref="PostgreSqlTemplate"/>) or empty, and dropped on dispose.</summary>
public sealed class PostgreSqlTestDatabase : TestDatabase
{
    private PostgreSqlTestDatabase(string name)
    {
        Name = name;
        ConnectionString = PostgreSqlServer.ForDatabase(name);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public override StorageProvider Provider => StorageProvider.PostgreSql;

    public override IReadOnlyList<string> Settings => ["--Storage:Provider=PostgreSql", $"--ConnectionStrings:FirstLine={ConnectionString}"];

    /// <summary>A database with the schema of the current migrations and no data, as a host leaves a new one.</summary>
    public static async Task<PostgreSqlTestDatabase> CreateFreshAsync(CancellationToken cancellationToken = default) =>
        await CreateAsync($"TEMPLATE \"{await PostgreSqlTemplate.NameAsync().WaitAsync(cancellationToken)}\"", cancellationToken);

    /// <summary>A database without even a schema: the first host on it runs every migration.</summary>
    public static Task<PostgreSqlTestDatabase> CreateEmptyAsync(CancellationToken cancellationToken = default) => CreateAsync(string.Empty, cancellationToken);

    private static async Task<PostgreSqlTestDatabase> CreateAsync(string options, CancellationToken cancellationToken)
    {
        var name = $"firstline_test_{Guid.NewGuid():N}";
        await PostgreSqlServer.ExecuteAsync($"CREATE DATABASE \"{name}\" {options}", cancellationToken);
        return new PostgreSqlTestDatabase(name);
    }

    public override async ValueTask DisposeAsync()
    {
        // FORCE ends the connections the stopped host's pool still keeps open.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await PostgreSqlServer.ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", timeout.Token);
        await base.DisposeAsync();
    }
}
