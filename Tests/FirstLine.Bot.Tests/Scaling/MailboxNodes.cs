using System.Security.Cryptography;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Storage.PostgreSql;
using FirstLine.Bot.Tests.Email;
using FirstLine.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Scaling;

/// <summary>
/// FirstLine nodes in processes of their own (the real support bot) that poll the real support mailbox
/// (<see cref="MailServers"/>, emptied first) in the background, all on one database — a SQLite folder (one machine restarted) or a
/// PostgreSQL database (a cluster) — which the test reads directly to count tickets and answers.
/// </summary>
public sealed class MailboxNodes : IAsyncDisposable
{
    private readonly TemporaryDirectory? folder;
    private readonly PostgreSqlTestDatabase? postgres;
    private readonly ITestOutputHelper output;
    private readonly List<(FirstLineNode Node, IDisposable Log)> started = [];
    private readonly string secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    private MailboxNodes(ITestOutputHelper output, TemporaryDirectory? folder, PostgreSqlTestDatabase? postgres)
    {
        this.output = output;
        this.folder = folder;
        this.postgres = postgres;
    }

    /// <summary>Nodes sharing a SQLite file in a fresh data folder (one after the other, as restarts of one machine).</summary>
    public static async Task<MailboxNodes> OnSqliteAsync(ITestOutputHelper output)
    {
        await EmptyMailboxesAsync();
        return new MailboxNodes(output, new TemporaryDirectory("firstline-mail-node"), null);
    }

    /// <summary>Nodes sharing a fresh, empty PostgreSQL database (the first node migrates it), clustered through Quartz's job store.</summary>
    public static async Task<MailboxNodes> OnPostgreSqlAsync(ITestOutputHelper output)
    {
        await EmptyMailboxesAsync();
        return new MailboxNodes(output, null, await PostgreSqlTestDatabase.CreateEmptyAsync());
    }

    /// <summary>
    /// Starts a node polling the support mailbox every 5 s (answers sent every 2 s), its log in the test output;
    /// <paramref name="settings"/> add to or override that (e.g. <c>--Email:PauseBeforeMove=00:10:00</c>).
    /// </summary>
    public async Task<FirstLineNode> StartAsync(string name, params string[] settings)
    {
        string[] all =
        [
            .. postgres?.Settings ?? [$"--Storage:DataDirectory={folder!.Path}"],
            $"--DirectLine:Secret={secret}",
            .. MailServers.MailboxArguments(),
            "--Email:PollInBackground=true",
            "--Email:OutboxSeconds=2",
            .. settings,
        ];
        var node = new FirstLineNode(name, FirstLineServer.FindFreePort(), all);
        started.Add((node, node.Attach(output)));
        using var starting = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await node.StartAsync(starting.Token);
        return node;
    }

    /// <summary>The rows of one table, read straight from the nodes' database.</summary>
    public async Task<List<T>> RowsAsync<T>()
        where T : class
    {
        await using var db = postgres is null
            ? new FirstLineDbContext(new DbContextOptionsBuilder<FirstLineDbContext>().UseSqlite($"Data Source={Path.Combine(folder!.Path, "firstline.db")};Pooling=False").Options)
            : new PostgreSqlDbContext(new DbContextOptionsBuilder<FirstLineDbContext>().UseNpgsql(postgres.ConnectionString).Options);
        return await db.Set<T>().AsNoTracking().ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (node, log) in started)
        {
            await node.DisposeAsync();
            log.Dispose();
        }

        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }

        folder?.Dispose();
    }

    /// <summary>The support and customer mailboxes, empty (the mail servers must answer).</summary>
    private static async Task EmptyMailboxesAsync()
    {
        await MailServers.RequireAsync();
        await MailServers.ClearAsync(MailServers.Support);
        await MailServers.ClearAsync(MailServers.Customer);
    }
}
