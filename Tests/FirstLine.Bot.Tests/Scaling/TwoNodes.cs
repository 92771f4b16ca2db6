using System.Security.Cryptography;
using FirstLine.Bot.Tests.Support;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Scaling;

/// <summary>
/// Two FirstLine nodes in separate processes on two ports, sharing one PostgreSQL database and one Redis, configured
/// the way the README tells an operator to: the same Direct Line secret, database and <c>Scaling:Redis</c>.
/// </summary>
public class TwoNodes : IAsyncLifetime
{
    private PostgreSqlTestDatabase database = null!;

    /// <summary>The shared database, for tests that look at what the nodes wrote.</summary>
    public PostgreSqlTestDatabase Database => database;

    public string Secret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    public FirstLineNode A { get; private set; } = null!;

    public FirstLineNode B { get; private set; } = null!;

    /// <summary>A REST API key (role admin) created with the <c>apikey create</c> command against the shared database.</summary>
    public string ApiKey { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        await ScalingServers.RequireRedisAsync();
        // Empty, not a migrated copy: node A runs the migrations at start, as a first deployment would.
        database = await PostgreSqlTestDatabase.CreateEmptyAsync();
        string[] settings =
        [
            .. database.Settings,
            $"--DirectLine:Secret={Secret}",
            $"--Scaling:Redis={ScalingServers.Redis}",
            $"--Scaling:KeyPrefix={ScalingServers.NewKeyPrefix()}",
            .. ExtraSettings,
        ];
        A = new FirstLineNode("node-a", FirstLineServer.FindFreePort(), settings);
        B = new FirstLineNode("node-b", FirstLineServer.FindFreePort(), settings);
        using var starting = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await A.StartAsync(starting.Token);
        await B.StartAsync(starting.Token);
        var created = await B.RunCommandAsync(["apikey", "create", "--name", "two-nodes"], starting.Token);
        ApiKey = created.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }

    /// <summary>More configuration both nodes get, for fixtures that tune them.</summary>
    protected virtual IEnumerable<string> ExtraSettings => [];

    /// <summary>Both nodes' logs go to <paramref name="output"/> until disposed.</summary>
    public IDisposable Attach(ITestOutputHelper output) => new Both(A.Attach(output), B.Attach(output));

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await database.DisposeAsync();
    }

    private sealed class Both(IDisposable first, IDisposable second) : IDisposable
    {
        public void Dispose()
        {
            first.Dispose();
            second.Dispose();
        }
    }
}
