using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.DirectLine;
using FirstLine.Bot.Tickets;
using FirstLine.Channels.DirectLine;
using FirstLine.Channels.Schema;
using FirstLine.Dialogs.Support.Desk;
using FirstLine.KnowledgeBase.Language;
using Microsoft.Extensions.DependencyInjection;

namespace FirstLine.Bot.Tests.Tickets;

public abstract class TicketSupportDeskTests(StorageProvider provider) : IAsyncLifetime
{
    private const string ConversationId = "conv-desk";

    private DirectLineHost host = null!;

    private ISupportDesk Desk => host.Services.GetRequiredService<ISupportDesk>();

    private TicketService Tickets => host.Services.GetRequiredService<TicketService>();

    public async Task InitializeAsync()
    {
        host = await DirectLineHost.StartAsync(provider: provider);

        // The desk announces a handoff on the customer's channel, so the ticket's conversation must really exist.
        await host.Services.GetRequiredService<IDirectLineStore>().CreateConversationAsync(
            new DirectLineConversation(ConversationId, "dl_anna", "Anna Muster", "de", DateTimeOffset.UtcNow, null), CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_request_solved_by_the_bot_is_resolved_at_level_one_with_its_article_and_rating()
    {
        var opened = await Desk.OpenTicketAsync(Request(), CancellationToken.None);
        await Desk.RecordAttemptAsync(opened.Number, new SolutionAttempt("printer-not-printing", "de", "Drucker druckt nicht", "hardware", AttemptKind.Article, AttemptOutcome.Helped, []), CancellationToken.None);
        await Desk.ResolveAtFirstLevelAsync(opened.Number, new FirstLevelResolution("printer-not-printing", "de", "Drucker druckt nicht"), CancellationToken.None);
        await Desk.RecordSatisfactionAsync(opened.Number, new SatisfactionFeedback(5, "Super"), CancellationToken.None);

        var ticket = (await Tickets.FindAsync(opened.Number, CancellationToken.None))!;
        Assert.Equal((TicketStatus.Resolved, SupportLevel.Bot, true, "printer-not-printing", 5), (ticket.Status, ticket.Level, ticket.ResolvedAtFirstContact, ticket.ResolutionArticleId, ticket.SatisfactionRating));
        Assert.Contains("printer-not-printing", ticket.BotAttemptsJson, StringComparison.Ordinal);
        Assert.Equal("Anna Muster", ticket.Customer!.Name);
    }

    [Fact]
    public async Task A_handoff_moves_the_ticket_to_level_two_in_its_queue_with_priority_rationale_and_summary()
    {
        var opened = await Desk.OpenTicketAsync(Request(), CancellationToken.None);
        var priority = new PriorityAssessment(Priority.P2, Impact.Team, Urgency.CannotWork, [new PriorityReason(PriorityFactor.ImpactFromText, "Das ganze Team ist betroffen")]);

        var receipt = await Desk.HandOffAsync(opened.Number, new HandoffRequest("hardware", priority, HandoffReason.FlowEscalated, "Drucker zeigt Fehler 50.4", "Kundin kann nicht drucken"), CancellationToken.None);

        var ticket = (await Tickets.FindAsync(opened.Number, CancellationToken.None))!;
        Assert.Equal((SupportLevel.Second, "hardware", TicketStatus.Open, TicketPriority.P2), (ticket.Level, ticket.Queue, ticket.Status, ticket.Priority));
        Assert.Contains("Das ganze Team ist betroffen", ticket.PriorityRationaleJson, StringComparison.Ordinal);
        Assert.Contains("Fehler 50.4", ticket.Summary, StringComparison.Ordinal);

        // Nobody is signed in to a console yet: the customer is told honestly when to expect an answer.
        Assert.False(receipt.AgentAvailableNow);
        Assert.Equal(TimeSpan.FromHours(1), receipt.ExpectedResponse);
    }

    [Fact]
    public async Task A_withdrawn_request_is_closed_by_the_customer()
    {
        var opened = await Desk.OpenTicketAsync(Request(), CancellationToken.None);

        await Desk.WithdrawAsync(opened.Number, CancellationToken.None);

        var ticket = (await Tickets.FindAsync(opened.Number, CancellationToken.None))!;
        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Contains(ticket.Audit, a => a.Actor == "customer" && a.NewValue == "Closed");
    }

    private static TicketRequest Request() => new(
        new ConversationReference { ChannelId = "directline", Conversation = new ConversationAccount(ConversationId) },
        new CustomerInfo("directline", "dl_anna", "de", "Anna Muster", null),
        "Drucker druckt nicht",
        "Mein Drucker im 2. Stock druckt nicht mehr.",
        SentimentLabel.Negative,
        ["Drucker", "2. Stock"]);
}

public sealed class TicketSupportDeskOnSqliteTests() : TicketSupportDeskTests(StorageProvider.Sqlite);

public sealed class TicketSupportDeskOnPostgreSqlTests() : TicketSupportDeskTests(StorageProvider.PostgreSql);
