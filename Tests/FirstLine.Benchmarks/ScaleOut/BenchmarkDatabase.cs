using Npgsql;

namespace FirstLine.Benchmarks.ScaleOut;

/// <summary>A fresh database on the PostgreSQL server for one scenario, dropped afterwards.</summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly string server;

    private BenchmarkDatabase(string server, string name)
    {
        this.server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>How a FirstLine node is pointed at this database.</summary>
    public IReadOnlyList<string> Settings => ["--Storage:Provider=PostgreSql", $"--ConnectionStrings:FirstLine={ConnectionString}"];

    public static async Task<BenchmarkDatabase> CreateAsync(string server, CancellationToken cancellationToken)
    {
        var database = new BenchmarkDatabase(server, $"firstline_bench_{Guid.NewGuid():N}");
        await database.ExecuteAsync($"CREATE DATABASE \"{database.Name}\"", cancellationToken);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        // FORCE ends the connections the stopped hosts' pools still keep open.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", timeout.Token);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            throw new InvalidOperationException($"PostgreSQL does not answer ({exception.Message}); start it (./test.sh or Tests/scripts/test-servers.sh start_postgresql) or pass --postgres.", exception);
        }

        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
