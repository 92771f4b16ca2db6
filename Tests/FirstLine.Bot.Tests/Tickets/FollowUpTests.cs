using FirstLine.Bot.Handoff;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.DirectLine;
using FirstLine.Bot.Tickets;
using FirstLine.Bot.Tickets.FollowUps;
using FirstLine.Channels.Schema;

namespace FirstLine.Bot.Tests.Tickets;

/// <summary>
/// The follow-ups on a fake clock, through the real ticket desk, with the messages read the way a Direct Line client
/// reads them. Once the clock has moved past the 30-minute token lifetime the website backend's secret reads them.
/// </summary>
public abstract class FollowUpTests(StorageProvider provider)
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task A_quiet_Pending_customer_is_reminded_after_three_days_and_the_ticket_closed_with_a_notice_four_days_later()
    {
        await using var desk = await DeskClockHost.StartAsync(provider, Monday);
        var conversation = await desk.Host.Client.NewConversationAsync(CancellationToken.None);
        var ticket = await desk.HandedOverTicketAsync(conversation.ConversationId, TicketPriority.P3);
        await desk.Tickets.ChangeStatusAsync(ticket.Number, TicketStatus.Pending, "agent:anna", null, CancellationToken.None);
        var followUps = desk.Get<CustomerFollowUps>();

        desk.Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await followUps.RunAsync(CancellationToken.None)).Reminded);
        desk.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await followUps.RunAsync(CancellationToken.None)).Reminded);
        Assert.Equal(0, (await followUps.RunAsync(CancellationToken.None)).Reminded);
        await WaitForMessageAsync(desk, conversation, $"Wir warten noch auf Ihre Antwort zu Ticket {ticket.Number}");
        Assert.Equal(desk.Clock.GetUtcNow(), (await desk.ReloadAsync(ticket)).PendingReminderSentAt);

        desk.Clock.Advance(TimeSpan.FromDays(4) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await followUps.RunAsync(CancellationToken.None)).ClosedPending);
        desk.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await followUps.RunAsync(CancellationToken.None)).ClosedPending);

        var closed = await desk.ReloadAsync(ticket);
        Assert.Equal(TicketStatus.Closed, closed.Status);
        Assert.Contains(closed.Audit, a => a is { Actor: CustomerFollowUps.Actor, Field: nameof(TicketRow.Status), OldValue: "Pending", NewValue: "Closed" });
        await WaitForMessageAsync(desk, conversation, $"haben wir Ticket {ticket.Number} geschlossen");
    }

    [Fact]
    public async Task A_Pending_customer_who_answers_reopens_the_clock_and_gets_no_reminder()
    {
        await using var desk = await DeskClockHost.StartAsync(provider, Monday);
        var conversation = await desk.Host.Client.NewConversationAsync(CancellationToken.None);
        var ticket = await desk.HandedOverTicketAsync(conversation.ConversationId, TicketPriority.P3);
        await desk.Tickets.ChangeStatusAsync(ticket.Number, TicketStatus.Pending, "agent:anna", null, CancellationToken.None);
        desk.Clock.Advance(TimeSpan.FromMinutes(10));

        await desk.Host.Client.SendMessageAsync(conversation, "The VPN still drops, here is the log you asked for.", CancellationToken.None);

        var answered = await desk.ReloadAsync(ticket);
        Assert.Equal(TicketStatus.Open, answered.Status);
        Assert.Contains(answered.Audit, a => a is { Actor: CustomerAnsweredMiddleware.Actor, Field: nameof(TicketRow.Status), NewValue: "Open" });
        desk.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, (await desk.Get<CustomerFollowUps>().RunAsync(CancellationToken.None)).Reminded);
    }

    [Fact]
    public async Task A_Resolved_ticket_closes_seven_days_after_resolution()
    {
        await using var desk = await DeskClockHost.StartAsync(provider, Monday);
        var ticket = await desk.HandedOverTicketAsync("conv-resolved", TicketPriority.P3);
        await desk.Tickets.ChangeStatusAsync(ticket.Number, TicketStatus.Resolved, "agent:anna", null, CancellationToken.None);
        var followUps = desk.Get<CustomerFollowUps>();

        desk.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await followUps.RunAsync(CancellationToken.None)).ClosedResolved);
        desk.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await followUps.RunAsync(CancellationToken.None)).ClosedResolved);

        var closed = await desk.ReloadAsync(ticket);
        Assert.Equal((TicketStatus.Closed, desk.Clock.GetUtcNow()), (closed.Status, closed.ClosedAt));
    }

    [Fact]
    public async Task A_chat_customer_silent_in_a_bot_dialog_for_30_minutes_is_said_goodbye_in_German_and_starts_afresh()
    {
        await using var desk = await DeskClockHost.StartAsync(provider, Monday);
        var client = desk.Host.Client;
        var conversation = await client.NewConversationAsync(CancellationToken.None);
        using (var posted = await client.PostActivityAsync(
            conversation.ConversationId,
            conversation.Token,
            """{"type":"message","text":"Mein Drucker druckt nicht mehr","from":{"id":"kunde","role":"user"},"locale":"de-DE"}""",
            CancellationToken.None))
        {
            await DirectLineClient.EnsureStatusAsync(posted, System.Net.HttpStatusCode.OK);
        }

        var answered = await client.WaitForActivitiesAsync(conversation, null, a => a.Any(x => x.From?.Role == RoleTypes.Bot && x.IsType(ActivityTypes.Message)), CancellationToken.None);
        var followUps = desk.Get<CustomerFollowUps>();

        desk.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(0, (await followUps.RunAsync(CancellationToken.None)).SaidGoodbye);
        desk.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await followUps.RunAsync(CancellationToken.None)).SaidGoodbye);
        Assert.Equal(0, (await followUps.RunAsync(CancellationToken.None)).SaidGoodbye);

        var goodbye = await WaitForMessageAsync(desk, conversation, "auf Wiedersehen", answered.WatermarkString);
        Assert.Equal("de", goodbye.Locale?[..2]);
        var ticket = await desk.Tickets.FindLatestForConversationAsync("directline", conversation.ConversationId, CancellationToken.None);
        Assert.NotEqual(TicketStatus.New, ticket!.Status);
    }

    [Fact]
    public async Task A_customer_waiting_15_minutes_for_an_agent_in_vain_is_offered_an_answer_by_email_and_the_ticket_stays_in_the_queue()
    {
        await using var desk = await DeskClockHost.StartAsync(provider, Monday);
        var conversation = await desk.Host.Client.NewConversationAsync(CancellationToken.None);
        var ticket = await desk.HandedOverTicketAsync(conversation.ConversationId, TicketPriority.P3, language: "en");
        await desk.Get<ConversationOwnership>().QueueAsync(BotJson.Deserialize<ConversationReference>(ticket.ConversationReferenceJson!)!, ticket.Number, CancellationToken.None);
        var followUps = desk.Get<CustomerFollowUps>();

        desk.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(0, (await followUps.RunAsync(CancellationToken.None)).OfferedEmail);
        desk.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await followUps.RunAsync(CancellationToken.None)).OfferedEmail);
        Assert.Equal(0, (await followUps.RunAsync(CancellationToken.None)).OfferedEmail);

        await WaitForMessageAsync(desk, conversation, $"we will answer you by email at kunde@example.test");
        var kept = await desk.ReloadAsync(ticket);
        Assert.Equal((TicketStatus.Open, SupportLevel.Second, "network"), (kept.Status, kept.Level, kept.Queue));
        Assert.Equal(ConversationOwner.Queue, (await desk.Get<ConversationOwnership>().FindByTicketAsync(ticket.Number, CancellationToken.None))!.Owner);
    }

    private static async Task<Activity> WaitForMessageAsync(DeskClockHost desk, DirectLineClient.Conversation conversation, string text, string? watermark = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var page = await desk.Host.Client.WaitForActivitiesAsync(
            conversation with { Token = desk.Host.Secret },
            watermark,
            a => a.Any(x => x.Text?.Contains(text, StringComparison.Ordinal) == true),
            timeout.Token);
        return page.Activities.First(x => x.Text?.Contains(text, StringComparison.Ordinal) == true);
    }
}

public sealed class FollowUpOnSqliteTests() : FollowUpTests(StorageProvider.Sqlite);

public sealed class FollowUpOnPostgreSqlTests() : FollowUpTests(StorageProvider.PostgreSql);
