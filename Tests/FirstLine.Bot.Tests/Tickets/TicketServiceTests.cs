using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.DirectLine;
using FirstLine.Bot.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace FirstLine.Bot.Tests.Tickets;

public abstract class TicketServiceTests(StorageProvider provider) : IAsyncLifetime
{
    private DirectLineHost host = null!;

    private TicketService Tickets => host.Services.GetRequiredService<TicketService>();

    public async Task InitializeAsync() => host = await DirectLineHost.StartAsync(provider: provider);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Tickets_get_short_consecutive_numbers_and_an_audit_record()
    {
        var first = await Tickets.CreateAsync(Request("conv-1", "Drucker druckt nicht"), "bot", CancellationToken.None);
        var second = await Tickets.CreateAsync(Request("conv-2", "VPN geht nicht"), "bot", CancellationToken.None);

        Assert.Equal("FL-00001", first.Number);
        Assert.Equal("FL-00002", second.Number);
        var stored = await Tickets.FindAsync(first.Number, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(TicketStatus.New, stored.Status);
        Assert.Equal(SupportLevel.Bot, stored.Level);
        Assert.Contains(stored.Audit, a => a.Action == "created" && a.Actor == "bot");
    }

    [Fact]
    public async Task Concurrent_requests_never_share_a_ticket_number()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Tickets.CreateAsync(Request($"conv-{i}", $"Problem {i}"), "bot", CancellationToken.None)));

        Assert.Equal(20, created.Select(t => t.Number).Distinct().Count());
    }

    [Fact]
    public async Task A_status_change_is_audited_with_old_and_new_value()
    {
        var ticket = await Tickets.CreateAsync(Request("conv-1", "Outlook"), "bot", CancellationToken.None);

        await Tickets.ChangeStatusAsync(ticket.Number, TicketStatus.Open, "agent:anna", expectedETag: null, CancellationToken.None);

        var stored = await Tickets.FindAsync(ticket.Number, CancellationToken.None);
        var change = Assert.Single(stored!.Audit, a => a.Field == nameof(TicketRow.Status));
        Assert.Equal(("agent:anna", "New", "Open"), (change.Actor, change.OldValue, change.NewValue));
    }

    [Fact]
    public async Task An_illegal_status_change_is_refused_with_the_allowed_ones()
    {
        var ticket = await Tickets.CreateAsync(Request("conv-1", "Outlook"), "bot", CancellationToken.None);
        await Tickets.ChangeStatusAsync(ticket.Number, TicketStatus.Closed, "agent", null, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<TicketTransitionException>(() =>
            Tickets.ChangeStatusAsync(ticket.Number, TicketStatus.Pending, "agent", null, CancellationToken.None));

        Assert.Equal([TicketStatus.Reopened], refused.Allowed);
        Assert.Equal(TicketStatus.Closed, (await Tickets.FindAsync(ticket.Number, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_change_based_on_a_stale_version_is_refused()
    {
        var ticket = await Tickets.CreateAsync(Request("conv-1", "Outlook"), "bot", CancellationToken.None);
        await Tickets.UpdateAsync(ticket.Number, "agent:a", t => t.Priority = TicketPriority.P2, ticket.ETag, CancellationToken.None);

        await Assert.ThrowsAsync<TicketConcurrencyException>(() =>
            Tickets.UpdateAsync(ticket.Number, "agent:b", t => t.Priority = TicketPriority.P1, ticket.ETag, CancellationToken.None));
    }

    [Fact]
    public async Task Raising_the_priority_moves_the_SLA_due_times_forward()
    {
        var ticket = await Tickets.CreateAsync(Request("conv-1", "Alles steht"), "bot", CancellationToken.None);

        var raised = await Tickets.UpdateAsync(ticket.Number, "bot", t => t.Priority = TicketPriority.P1, null, CancellationToken.None);

        Assert.Equal(ticket.CreatedAt + TimeSpan.FromMinutes(15), raised.FirstResponseDueAt);
        Assert.True(raised.ResolutionDueAt < ticket.ResolutionDueAt);
    }

    [Fact]
    public async Task An_unknown_ticket_number_is_reported_as_such()
    {
        await Assert.ThrowsAsync<TicketNotFoundException>(() =>
            Tickets.ChangeStatusAsync("FL-99999", TicketStatus.Open, "agent", null, CancellationToken.None));
    }

    [Fact]
    public async Task A_note_of_100_KB_is_kept_whole()
    {
        var ticket = await Tickets.CreateAsync(Request("conv-1", "Outlook"), "bot", CancellationToken.None);
        var text = new string('x', 100 * 1024);

        await Tickets.AddNoteAsync(ticket.Number, "agent", text, CancellationToken.None);

        Assert.Equal(text, Assert.Single((await Tickets.FindAsync(ticket.Number, CancellationToken.None))!.Notes).Text);
    }

    private static NewTicket Request(string conversationId, string subject) =>
        new("directline", conversationId, "dl_user-" + conversationId, subject, subject + " — details") { Language = "de" };
}

public sealed class TicketServiceOnSqliteTests() : TicketServiceTests(StorageProvider.Sqlite);

public sealed class TicketServiceOnPostgreSqlTests() : TicketServiceTests(StorageProvider.PostgreSql);
