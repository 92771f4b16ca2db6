using FirstLine.Bot.Agents.Console;
using FirstLine.Bot.Handoff;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;

namespace FirstLine.Bot.Tests.Agents.Console;

/// <summary>What the console's buttons do on the server: level rules, lifecycle refusals, the queue's filters.</summary>
public abstract class ConsoleActionsTests(StorageProvider provider) : IAsyncLifetime
{
    private static readonly ConsoleAgent SecondLevel = new("7", "Bernd", SupportLevel.Second, IsAdmin: false);
    private static readonly ConsoleAgent ThirdLevel = new("8", "Clara", SupportLevel.Third, IsAdmin: false);
    private ConsoleTestHost api = null!;

    private ConsoleTicketActions Actions => api.Get<ConsoleTicketActions>();

    public async Task InitializeAsync() => api = await ConsoleTestHost.StartAsync(provider: provider);

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task A_second_level_agent_cannot_act_on_a_third_level_ticket_but_a_third_level_agent_can()
    {
        var ticket = await api.CreateTicketAsync();
        await Actions.EscalateAsync(SecondLevel, ticket.Number, "needs the print server team", CancellationToken.None);

        await Assert.ThrowsAsync<ConsoleForbiddenException>(() => Actions.AssignToSelfAsync(SecondLevel, ticket.Number, null, CancellationToken.None));
        await Assert.ThrowsAsync<ConsoleForbiddenException>(() => Actions.ChangePriorityAsync(SecondLevel, ticket.Number, TicketPriority.P1, null, CancellationToken.None));
        await Actions.AssignToSelfAsync(ThirdLevel, ticket.Number, null, CancellationToken.None);

        var stored = (await api.Get<TicketService>().FindAsync(ticket.Number, CancellationToken.None))!;
        Assert.Equal((SupportLevel.Third, "8", TicketPriority.P4), (stored.Level, stored.AssigneeId, stored.Priority));
        Assert.Contains(stored.Notes, n => n.Text.Contains("print server team", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_illegal_status_change_is_refused_with_the_allowed_ones_and_a_stale_edit_is_refused()
    {
        var ticket = await api.CreateTicketAsync();
        await Actions.ChangeStatusAsync(SecondLevel, ticket.Number, TicketStatus.Closed, null, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<TicketTransitionException>(() => Actions.ChangeStatusAsync(SecondLevel, ticket.Number, TicketStatus.Pending, null, CancellationToken.None));
        Assert.Equal(
            "The status cannot change from Closed to Pending. Allowed next: Reopened.",
            ConsoleTexts.English.DescribeRefusedTransition(refused.From, refused.To, refused.Allowed));
        await Assert.ThrowsAsync<TicketConcurrencyException>(() => Actions.ChangePriorityAsync(SecondLevel, ticket.Number, TicketPriority.P2, ticket.ETag, CancellationToken.None));
    }

    [Fact]
    public async Task Resolving_a_ticket_without_a_live_conversation_keeps_the_note_and_announces_the_change()
    {
        var ticket = await api.CreateTicketAsync(channel: "email");
        var events = new List<AgentEvent>();
        using var subscription = api.Get<IAgentNotifier>().Subscribe(e =>
        {
            lock (events)
            {
                events.Add(e);
            }

            return Task.CompletedTask;
        });

        await Actions.ResolveAsync(SecondLevel, ticket.Number, "Replaced the toner", CancellationToken.None);

        var stored = (await api.Get<TicketService>().FindAsync(ticket.Number, CancellationToken.None))!;
        Assert.Equal(TicketStatus.Resolved, stored.Status);
        Assert.Contains(stored.Notes, n => n.Text == "Replaced the toner" && n.Author == "agent:7");
        Assert.Contains(events, e => e.Kind == AgentEventKind.TicketChanged && e.TicketNumber == ticket.Number);
    }

    [Fact]
    public async Task The_queue_filters_by_level_language_queue_and_mine_and_hides_finished_tickets()
    {
        var tickets = api.Get<TicketService>();
        var network = await api.CreateTicketAsync(queue: "network", language: "en");
        var printer = await api.CreateTicketAsync(queue: "hardware", language: "de");
        var done = await api.CreateTicketAsync(queue: "hardware", language: "de");
        await tickets.ChangeStatusAsync(done.Number, TicketStatus.Resolved, "agent:7", null, CancellationToken.None);
        await Actions.AssignToSelfAsync(SecondLevel, printer.Number, null, CancellationToken.None);
        var query = api.Get<TicketQueueQuery>();

        async Task<IEnumerable<string>> ListAsync(QueueFilter filter) => (await query.ListAsync(filter, SecondLevel.Id, CancellationToken.None)).Select(i => i.Number);

        Assert.Equal([network.Number, printer.Number], (await ListAsync(new QueueFilter())).Order());
        Assert.Equal([network.Number], await ListAsync(new QueueFilter { Queue = "network" }));
        Assert.Equal([network.Number], await ListAsync(new QueueFilter { Language = "en" }));
        Assert.Equal([printer.Number], await ListAsync(new QueueFilter { MineOnly = true }));
        Assert.Equal([done.Number], await ListAsync(new QueueFilter { Status = TicketStatus.Resolved }));
        Assert.Empty(await ListAsync(new QueueFilter { Level = SupportLevel.Third }));
    }
}

public sealed class ConsoleActionsOnSqliteTests() : ConsoleActionsTests(StorageProvider.Sqlite);

public sealed class ConsoleActionsOnPostgreSqlTests() : ConsoleActionsTests(StorageProvider.PostgreSql);
