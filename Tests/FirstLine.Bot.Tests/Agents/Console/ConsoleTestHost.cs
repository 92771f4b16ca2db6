using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.DirectLine;
using FirstLine.Bot.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace FirstLine.Bot.Tests.Agents.Console;

/// <summary>The real host (in-process, loopback, on a fresh SQLite or PostgreSQL database) with helpers to make level-2 tickets for the console tests.</summary>
public sealed class ConsoleTestHost : IAsyncDisposable
{
    private int conversationCounter;

    private ConsoleTestHost(DirectLineHost host) => Host = host;

    public DirectLineHost Host { get; }

    public static async Task<ConsoleTestHost> StartAsync(Action<IServiceCollection>? configureServices = null, StorageProvider provider = StorageProvider.Sqlite) =>
        new(await DirectLineHost.StartAsync(configureServices: configureServices, provider: provider));

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>A ticket handed to level 2 in <paramref name="queue"/>; without a live conversation (no ownership row).</summary>
    public async Task<TicketRow> CreateTicketAsync(string queue = "hardware", string language = "de", string channel = "directline")
    {
        var conversation = $"conv-{Interlocked.Increment(ref conversationCounter)}-{Guid.NewGuid():N}";
        var tickets = Get<TicketService>();
        var ticket = await tickets.CreateAsync(
            new NewTicket(channel, conversation, $"user-{conversation}", "Drucker druckt nicht", "Mein Drucker druckt nicht mehr.") { CustomerName = "Anna Muster", Language = language },
            "bot",
            CancellationToken.None);
        return await tickets.UpdateAsync(ticket.Number, "bot", t => { t.Queue = queue; t.Level = SupportLevel.Second; }, null, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
