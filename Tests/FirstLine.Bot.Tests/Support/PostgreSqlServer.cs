using System.Net.Sockets;
using Npgsql;

namespace FirstLine.Bot.Tests.Support;

/// <summary>
/// The throwaway PostgreSQL that <c>./test.sh</c> starts on 127.0.0.1:5433 (<c>FIRSTLINE_TEST_POSTGRES</c> names it).
/// A server that does not answer FAILS the test (never skips), naming ./test.sh.
/// </summary>
public static class PostgreSqlServer
{
    /// <summary>The same default as <c>Tests/scripts/test-servers.sh</c>, so a test run by hand finds the session's server.</summary>
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=5433;Username=firstline;Password=firstline;Database=firstline";

    public static string ConnectionString => Environment.GetEnvironmentVariable("FIRSTLINE_TEST_POSTGRES") is { Length: > 0 } value
        ? value
        : DefaultConnectionString;

    /// <summary>A connection string to another database on the same server as the same user.</summary>
    public static string ForDatabase(string database) => new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

    /// <summary>An open connection to the server's main test database, or a failed test saying how to start the server.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception exception) when (exception is NpgsqlException or SocketException or TimeoutException)
        {
            await connection.DisposeAsync();
            var server = new NpgsqlConnectionStringBuilder(ConnectionString);
            throw new InvalidOperationException(
                $"PostgreSQL test cannot run: no PostgreSQL answers on {server.Host}:{server.Port} as {server.Username} ({exception.Message}). Run ./test.sh from the repository root; it starts a throwaway PostgreSQL (Tests/scripts/test-servers.sh, start_postgresql) and sets FIRSTLINE_TEST_POSTGRES.",
                exception);
        }
    }

    /// <summary>Runs one statement against the server's main test database.</summary>
    public static async Task ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
