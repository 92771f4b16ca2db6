using FirstLine.Bot.Email;
using FirstLine.Bot.Privacy;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using FirstLine.Dialogs.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FirstLine.Bot.Tests.Privacy;

/// <summary>Retention with the defaults (uploads 30 days, conversations 90 days, tickets and customers 365 days) on a clock moved through 400 days.</summary>
public abstract class RetentionPurgeTests(StorageProvider provider) : IAsyncLifetime
{
    private PrivacyHost host = null!;

    public async Task InitializeAsync() => host = await PrivacyHost.StartAsync(provider: provider);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Retention_deletes_exactly_what_is_old_in_every_store_and_keeps_the_rest()
    {
        // 400 days before the purge: a closed chat, a closed e-mail, and a chat whose ticket is still open.
        var oldChat = await host.ChatAsync("Alma Altmann", "alma@example.test", "Drucker Alma brennt");
        await host.CloseAsync(oldChat);
        var oldMail = await host.MailAsync("Emil Postel", "emil@example.test", "Emils VPN hakt");
        await host.CloseAsync(oldMail);
        var openChat = await host.ChatAsync("Otto Offen", "otto@example.test", "Ottos Laptop startet nicht");

        // 100, 40 and 5 days before the purge: closed chats.
        host.AdvanceToDay(300);
        var hundredDays = await host.ChatAsync("Hanna Hundert", "hanna@example.test", "Hannas Outlook");
        await host.CloseAsync(hundredDays);
        host.AdvanceToDay(360);
        var fortyDays = await host.ChatAsync("Vera Vierzig", "vera@example.test", "Veras WLAN");
        await host.CloseAsync(fortyDays);
        host.AdvanceToDay(395);
        var fiveDays = await host.ChatAsync("Fritz Fuenf", "fritz@example.test", "Fritz Monitor");
        await host.CloseAsync(fiveDays);
        host.AdvanceToDay(400);

        var purged = await host.Get<RetentionPurge>().RunAsync(CancellationToken.None);

        // Over a year old and closed: personal data gone everywhere, statistics kept.
        await AssertConversationGoneAsync(oldChat);
        await AssertConversationGoneAsync(oldMail);
        await AssertAnonymisedAsync(oldChat);
        await AssertAnonymisedAsync(oldMail);
        await using (var db = await host.DbAsync())
        {
            var mailRecord = await db.Set<EmailMessageRow>().SingleAsync(m => m.TicketNumber == oldMail.Ticket);
            Assert.Equal((null, null, null), (mailRecord.Sender, mailRecord.Subject, mailRecord.ConversationId));
            Assert.False(await db.Set<EmailOutboxRow>().AnyAsync(m => m.Recipient == oldMail.Email));
            Assert.False(await db.Set<EmailSentMessageRow>().AnyAsync(m => m.Recipient == oldMail.Email));
        }

        // Old but open: untouched.
        await AssertConversationKeptAsync(openChat, withAttachment: true);
        await AssertTicketKeptAsync(openChat);

        // 100 days idle: the conversation's content goes, the ticket (under a year) keeps its texts and says so in its trail.
        await AssertConversationGoneAsync(hundredDays);
        await AssertTicketKeptAsync(hundredDays);
        Assert.Contains((await host.TicketAsync(hundredDays.Ticket)).Audit, a => a.Action == "conversation-purged" && a.Actor == "retention");

        // 40 days: only the upload is gone.
        await AssertConversationKeptAsync(fortyDays, withAttachment: false);
        await AssertTicketKeptAsync(fortyDays);

        // 5 days: everything stays.
        await AssertConversationKeptAsync(fiveDays, withAttachment: true);
        await AssertTicketKeptAsync(fiveDays);

        Assert.Equal((2, 3, 2), (purged.Tickets, purged.Conversations, purged.Customers));
        Assert.Equal(3, purged.Attachments);
        Assert.Contains(host.Host.Log.Entries, e => e.Message.StartsWith("Retention purge: 2 tickets anonymised, 3 conversations deleted, 3 uploads deleted, 2 customers anonymised", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_run_at_the_same_time_finds_nothing_to_do()
    {
        var old = await host.ChatAsync("Alma Altmann", "alma@example.test", "Drucker Alma brennt");
        await host.CloseAsync(old);
        host.AdvanceToDay(400);
        var first = await host.Get<RetentionPurge>().RunAsync(CancellationToken.None);
        var before = await host.DumpEveryTableAsync();

        var second = await host.Get<RetentionPurge>().RunAsync(CancellationToken.None);

        Assert.True(first.Tickets == 1 && first.Conversations == 1 && first.Customers == 1, first.ToString());
        Assert.Equal(ErasedCounts.None, second);
        Assert.Equal(before, await host.DumpEveryTableAsync());
    }

    [Fact]
    public async Task A_ticket_reopened_by_the_customer_is_not_anonymised()
    {
        var chat = await host.ChatAsync("Rita Reopen", "rita@example.test", "Ritas Drucker schon wieder");
        await host.CloseAsync(chat);
        host.AdvanceToDay(380);
        await host.Get<TicketService>().ChangeStatusAsync(chat.Ticket, TicketStatus.Reopened, "email", null, CancellationToken.None);
        host.AdvanceToDay(800);

        var purged = await host.Get<RetentionPurge>().RunAsync(CancellationToken.None);

        Assert.Equal(0, purged.Tickets);
        await AssertTicketKeptAsync(chat);
        await AssertConversationKeptAsync(chat, withAttachment: true);
    }

    [Fact]
    public async Task With_retention_disabled_nothing_is_purged()
    {
        await using var disabled = await PrivacyHost.StartAsync(["--Retention:Enabled=false"], provider);
        var old = await disabled.ChatAsync("Alma Altmann", "alma@example.test", "Drucker Alma brennt");
        await disabled.CloseAsync(old);
        disabled.AdvanceToDay(1000);

        var purged = await disabled.Get<RetentionPurge>().RunAsync(CancellationToken.None);

        Assert.Equal(ErasedCounts.None, purged);
        Assert.Equal("Drucker Alma brennt", (await disabled.TicketAsync(old.Ticket)).Subject);
        Assert.Contains(disabled.Host.Log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("Retention is disabled", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--Retention:TicketDays=0", "Retention:TicketDays must be between 1 and 36500 days, not 0")]
    [InlineData("--Retention:AttachmentDays=120", "Retention:AttachmentDays (120) must not be longer than Retention:ConversationDays (90)")]
    [InlineData("--Retention:ConversationDays=400", "Retention:ConversationDays (400) must not be longer than Retention:TicketDays (365)")]
    public async Task Unusable_retention_settings_stop_the_start_with_a_message_that_says_what_to_fix(string setting, string message)
    {
        var refused = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => PrivacyHost.StartAsync([setting], provider));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    private async Task AssertConversationGoneAsync(PrivacyHost.Customer customer)
    {
        var (channel, id) = customer.Conversation;
        var stateKey = DialogRunner.StateKey(channel, id);
        await using var db = await host.DbAsync();
        Assert.False(await db.Transcripts.AnyAsync(t => t.ConversationId == id), $"transcript of {customer.Name}");
        Assert.False(await db.DirectLineActivities.AnyAsync(a => a.ConversationId == id), $"Direct Line log of {customer.Name}");
        Assert.False(await db.DirectLineConversations.AnyAsync(c => c.Id == id), $"Direct Line conversation of {customer.Name}");
        Assert.False(await db.Attachments.AnyAsync(a => a.ConversationId == id), $"uploads of {customer.Name}");
        Assert.False(await db.States.AnyAsync(s => s.Key == stateKey), $"dialog state of {customer.Name}");
        Assert.False(await db.ConversationOwners.AnyAsync(o => o.ConversationId == id), $"owner of {customer.Name}");
        Assert.False(await db.Set<EmailOutboxRow>().AnyAsync(m => m.ConversationId == id), $"outbox of {customer.Name}");
    }

    private async Task AssertConversationKeptAsync(PrivacyHost.Customer customer, bool withAttachment)
    {
        var (channel, id) = customer.Conversation;
        var stateKey = DialogRunner.StateKey(channel, id);
        await using var db = await host.DbAsync();
        Assert.True(await db.Transcripts.CountAsync(t => t.ConversationId == id) >= 4, $"transcript of {customer.Name}");
        Assert.True(await db.DirectLineActivities.CountAsync(a => a.ConversationId == id) >= 4, $"Direct Line log of {customer.Name}");
        Assert.True(await db.DirectLineConversations.AnyAsync(c => c.Id == id), $"Direct Line conversation of {customer.Name}");
        Assert.Equal(withAttachment, await db.Attachments.AnyAsync(a => a.ConversationId == id));
        Assert.True(await db.States.AnyAsync(s => s.Key == stateKey), $"dialog state of {customer.Name}");
        Assert.True(await db.ConversationOwners.AnyAsync(o => o.ConversationId == id), $"owner of {customer.Name}");
    }

    private async Task AssertTicketKeptAsync(PrivacyHost.Customer customer)
    {
        var ticket = await host.TicketAsync(customer.Ticket);
        Assert.Null(ticket.ErasedAt);
        Assert.Contains(customer.Name, ticket.Description, StringComparison.Ordinal);
        Assert.Equal((customer.Name, customer.Email), (ticket.Customer!.Name, ticket.Customer.Email));
        Assert.Single(ticket.Notes);
        Assert.DoesNotContain(ticket.Audit, a => a.Action == "personal-data-erased");
    }

    private async Task AssertAnonymisedAsync(PrivacyHost.Customer customer)
    {
        var ticket = await host.TicketAsync(customer.Ticket);

        // Statistics stay.
        Assert.Equal(
            (TicketStatus.Closed, TicketPriority.P2, "hardware", 4, "de"),
            (ticket.Status, ticket.Priority, ticket.Category, ticket.SatisfactionRating, ticket.Language));
        Assert.True(ticket.CreatedAt < host.Clock.GetUtcNow().AddDays(-399), "the ticket keeps its creation date");
        Assert.NotNull(ticket.ResolvedAt);
        Assert.NotNull(ticket.ClosedAt);
        Assert.NotNull(ticket.FirstResponseDueAt);

        // Personal data goes, also from the audit trail, and the trail says so.
        Assert.Equal(("[erased]", "[erased]", null, null, null), (ticket.Subject, ticket.Description, ticket.Summary, ticket.SatisfactionComment, ticket.ConversationReferenceJson));
        Assert.Empty(ticket.Notes);
        Assert.Equal((null, null), (ticket.Customer!.Name, ticket.Customer.Email));
        Assert.DoesNotContain(ticket.Audit, a => (a.OldValue + a.NewValue).Contains(customer.Name, StringComparison.Ordinal));
        var erased = Assert.Single(ticket.Audit, a => a.Action == "personal-data-erased");
        Assert.Equal("retention", erased.Actor);
        Assert.Contains("365 days", erased.NewValue, StringComparison.Ordinal);
    }
}

public sealed class RetentionPurgeOnSqliteTests() : RetentionPurgeTests(StorageProvider.Sqlite);

public sealed class RetentionPurgeOnPostgreSqlTests() : RetentionPurgeTests(StorageProvider.PostgreSql);
