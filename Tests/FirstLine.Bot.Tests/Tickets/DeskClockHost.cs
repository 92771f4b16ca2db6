using FirstLine.Bot.Handoff;
using FirstLine.Bot.Scheduling;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.DirectLine;
using FirstLine.Bot.Tickets;
using FirstLine.Bot.Tickets.FollowUps;
using FirstLine.Bot.Tickets.Sla;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;
using FirstLine.Dialogs.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FirstLine.Bot.Tests.Tickets;

/// <summary>
/// The real FirstLine host (a fresh SQLite or PostgreSQL database, the real ticket desk) on a fake clock that only moves when a test moves it,
/// with the real support bot answering over Direct Line, and every agent event kept for the test to look at.
/// </summary>
public sealed class DeskClockHost : IAsyncDisposable
{
    private readonly List<AgentEvent> events = [];
    private IDisposable? subscription;

    private DeskClockHost(DirectLineHost host, FakeTimeProvider clock)
    {
        Host = host;
        Clock = clock;
    }

    public DirectLineHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public TicketService Tickets => Get<TicketService>();

    public IReadOnlyList<AgentEvent> Events
    {
        get
        {
            lock (events)
            {
                return [.. events];
            }
        }
    }

    /// <summary>Starts at <paramref name="now"/> on <paramref name="provider"/>; <paramref name="settings"/> are extra <c>--Key=value</c> arguments.</summary>
    public static async Task<DeskClockHost> StartAsync(StorageProvider provider, DateTimeOffset now, params string[] settings)
    {
        var clock = new FakeTimeProvider(now);
        var host = await DirectLineHost.StartAsync(settings, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IBot>(provider => provider.GetRequiredService<SupportBot>());

            // The tests run the watch and the follow-ups themselves on the fake clock; the scheduler's own runs would race them.
            foreach (var job in services.Where(d => d.ImplementationInstance is ScheduledJobDefinition { JobType: var type } && (type == typeof(SlaWatchJob) || type == typeof(FollowUpsJob))).ToList())
            {
                services.Remove(job);
            }
        }, provider);
        var desk = new DeskClockHost(host, clock);
        desk.subscription = desk.Get<IAgentNotifier>().Subscribe(e =>
        {
            lock (desk.events)
            {
                desk.events.Add(e);
            }

            return Task.CompletedTask;
        });
        return desk;
    }

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>A chat ticket handed to level 2 in <paramref name="queue"/>, as the bot's handoff leaves it.</summary>
    public async Task<TicketRow> HandedOverTicketAsync(string conversationId, TicketPriority priority, string queue = "network", string language = "de")
    {
        var reference = new ConversationReference { ChannelId = "directline", Conversation = new ConversationAccount(conversationId), Locale = language };
        var ticket = await Tickets.CreateAsync(
            new NewTicket("directline", conversationId, "dl_" + conversationId, "VPN bricht ab", "Das VPN bricht alle fünf Minuten ab.")
            {
                Language = language,
                CustomerEmail = "kunde@example.test",
                ConversationReferenceJson = BotJson.Serialize(reference),
            },
            "bot",
            CancellationToken.None);
        return await Tickets.UpdateAsync(
            ticket.Number,
            "bot",
            t =>
            {
                t.Level = SupportLevel.Second;
                t.Queue = queue;
                t.Status = TicketStatus.Open;
                t.Priority = priority;
            },
            expectedETag: null,
            CancellationToken.None);
    }

    public async Task<TicketRow> ReloadAsync(TicketRow ticket) =>
        await Tickets.FindAsync(ticket.Number, CancellationToken.None) ?? throw new InvalidOperationException($"{ticket.Number} is gone.");

    public async ValueTask DisposeAsync()
    {
        subscription?.Dispose();
        await Host.DisposeAsync();
    }
}
