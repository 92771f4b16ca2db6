using System.Text.Json;
using FirstLine.Bot.Privacy;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;

namespace FirstLine.Bot.Tests.Privacy;

public abstract class CustomerDataRequestTests(StorageProvider provider) : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private PrivacyHost host = null!;
    private PrivacyHost.Customer zoraChat = null!;
    private PrivacyHost.Customer zoraMail = null!;
    private PrivacyHost.Customer other = null!;

    private CustomerDataRequests Requests => host.Get<CustomerDataRequests>();

    public async Task InitializeAsync()
    {
        host = await PrivacyHost.StartAsync(provider: provider);

        // One person on two channels (same address, another case), and somebody else.
        zoraChat = await host.ChatAsync("Zora Quellmann", "zora.quellmann@example.test", "Zoras Drucker XQ-7731 brennt");
        await host.CloseAsync(zoraChat);
        zoraMail = await host.MailAsync("Zora Quellmann", "Zora.Quellmann@Example.test", "Zoras VPN KX-4410 hakt");
        other = await host.ChatAsync("Bruno Nebenan", "bruno@example.test", "Brunos Monitor flackert");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_export_holds_the_customers_records_tickets_transcripts_notes_and_uploads_and_nothing_of_another_customer()
    {
        var export = await Requests.ExportAsync(DataSubject.ByEmail("ZORA.quellmann@example.test"), CancellationToken.None);
        var json = JsonSerializer.Serialize(export, Json);

        Assert.Equal(2, export.Customers.Count);
        Assert.Equal([zoraChat.Ticket, zoraMail.Ticket], export.Tickets.Select(t => t.Number));
        var chat = Assert.Single(export.Conversations, c => c.Id == zoraChat.Conversation.Id);
        Assert.Contains(chat.Messages, m => m.Speaker == "customer" && m.Text == "Zoras Drucker XQ-7731 brennt" && m.Name == "Zora Quellmann");
        Assert.Contains(chat.Messages, m => m.Speaker == "bot" && m.Text == "Sie sagten: Zoras Drucker XQ-7731 brennt");
        var upload = Assert.Single(chat.Attachments);
        Assert.Equal(("screen.txt", "text/plain", "Zora Quellmann screenshot bytes".Length), (upload.Name, upload.ContentType, (int)upload.Bytes));
        Assert.Contains(export.Conversations, c => c.Id == zoraMail.Conversation.Id && c.Messages.Any(m => m.Text == "Zoras VPN KX-4410 hakt"));
        var closed = export.Tickets[0];
        Assert.Equal(("Closed", 4, "Danke, Zora Quellmann"), (closed.Status, closed.SatisfactionRating, closed.SatisfactionComment));
        Assert.Contains(closed.InternalNotes, n => n.Text == "Rückruf bei Zora Quellmann vereinbart");

        Assert.DoesNotContain("Bruno", json, StringComparison.Ordinal);
        Assert.DoesNotContain("bruno@example.test", json, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Conversation.Id, json, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Ticket, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ticket_number_finds_the_requester_and_their_records_on_other_channels()
    {
        var export = await Requests.ExportAsync(DataSubject.ByTicket(zoraMail.Ticket.ToLowerInvariant()), CancellationToken.None);

        Assert.Equal([zoraChat.Ticket, zoraMail.Ticket], export.Tickets.Select(t => t.Number));
    }

    [Fact]
    public async Task Erasure_removes_the_customer_from_every_table_keeps_statistics_and_leaves_other_customers_alone()
    {
        var erasure = await Requests.EraseAsync(DataSubject.ByEmail("zora.quellmann@example.test"), "apikey:1", CancellationToken.None);

        var everything = await host.DumpEveryTableAsync();
        foreach (var trace in new[] { "Zora", "zora.quellmann", "XQ-7731", "KX-4410", zoraChat.Conversation.Id, zoraMail.Conversation.Id })
        {
            Assert.DoesNotContain(trace, everything, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var trace in new[] { "Bruno Nebenan", "bruno@example.test", "Brunos Monitor flackert", "Bruno Nebenan screenshot bytes", other.Conversation.Id })
        {
            Assert.Contains(trace, everything, StringComparison.Ordinal);
        }

        Assert.Equal([zoraChat.Ticket, zoraMail.Ticket], erasure.Tickets);
        Assert.Equal((2, 2, 2), (erasure.Erased.Customers, erasure.Erased.Tickets, erasure.Erased.Conversations));
        var ticket = await host.TicketAsync(zoraChat.Ticket);
        Assert.Equal((TicketStatus.Closed, TicketPriority.P2, 4, "[erased]"), (ticket.Status, ticket.Priority, ticket.SatisfactionRating, ticket.Subject));
        var audit = Assert.Single(ticket.Audit, a => a.Action == "personal-data-erased");
        Assert.Equal(("apikey:1", "erased on the customer's request"), (audit.Actor, audit.NewValue));

        // The e-mail ticket was still open: nobody is left to answer, so it is closed, on the record.
        var mailTicket = await host.TicketAsync(zoraMail.Ticket);
        Assert.Equal(TicketStatus.Closed, mailTicket.Status);
        Assert.Contains(mailTicket.Audit, a => a.Field == nameof(TicketRow.Status) && a.NewValue == "Closed" && a.Actor == "apikey:1");
    }

    [Fact]
    public async Task Erasing_twice_changes_nothing_the_second_time()
    {
        await Requests.EraseAsync(DataSubject.ByTicket(zoraChat.Ticket), "command line", CancellationToken.None);
        var before = await host.DumpEveryTableAsync();

        var again = await Requests.EraseAsync(DataSubject.ByTicket(zoraChat.Ticket), "command line", CancellationToken.None);

        Assert.Empty(again.Tickets);
        Assert.Equal(0, again.Erased.Total);
        Assert.Equal(before, await host.DumpEveryTableAsync());
        await Assert.ThrowsAsync<CustomerNotFoundException>(() => Requests.EraseAsync(DataSubject.ByEmail("zora.quellmann@example.test"), "command line", CancellationToken.None));
        Assert.Equal(before, await host.DumpEveryTableAsync());
    }

    [Fact]
    public async Task An_unknown_customer_or_ticket_is_reported_as_such()
    {
        var byEmail = await Assert.ThrowsAsync<CustomerNotFoundException>(() => Requests.ExportAsync(DataSubject.ByEmail("nobody@example.test"), CancellationToken.None));
        var byTicket = await Assert.ThrowsAsync<CustomerNotFoundException>(() => Requests.EraseAsync(DataSubject.ByTicket("FL-99999"), "x", CancellationToken.None));

        Assert.Equal("There is no customer data for 'nobody@example.test' (never stored, or erased already).", byEmail.Message);
        Assert.Equal("There is no ticket FL-99999.", byTicket.Message);
    }
}

public sealed class CustomerDataRequestOnSqliteTests() : CustomerDataRequestTests(StorageProvider.Sqlite);

public sealed class CustomerDataRequestOnPostgreSqlTests() : CustomerDataRequestTests(StorageProvider.PostgreSql);
