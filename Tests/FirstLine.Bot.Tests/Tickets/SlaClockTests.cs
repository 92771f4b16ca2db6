using FirstLine.Bot.Email;
using FirstLine.Bot.Handoff;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.Email;
using FirstLine.Bot.Tickets;
using FirstLine.Bot.Tickets.Sla;
using FirstLine.Channels.Schema;
using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Tests.Tickets;

public abstract class SlaClockTests(StorageProvider provider)
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);

    /// <summary>A desk open 08:00-18:00 Monday to Friday in Berlin (the shipped hours, switched on).</summary>
    private static readonly string[] OfficeHours = ["--Agents:BusinessHours:Enabled=true", "--Agents:BusinessHours:TimeZone=Europe/Berlin", "--Agents:BusinessHours:Opens=08:00", "--Agents:BusinessHours:Closes=18:00"];

    [Fact]
    public async Task A_P1_ticket_opened_Friday_17_55_in_Berlin_with_its_4_hour_target_is_due_Monday_11_55()
    {
        await using var desk = await DeskClockHost.StartAsync(provider, new DateTimeOffset(2026, 12, 4, 17, 55, 0, Cet), OfficeHours);

        var ticket = await desk.HandedOverTicketAsync("conv-friday", TicketPriority.P1);

        // 5 minutes on Friday, the weekend does not count, the remaining 3 h 55 min from Monday 08:00.
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 11, 55, 0, Cet), ticket.ResolutionDueAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 8, 10, 0, Cet), ticket.FirstResponseDueAt);
    }

    [Fact]
    public async Task A_holiday_on_Monday_moves_the_Friday_evening_ticket_to_Tuesday_11_55()
    {
        await using var desk = await DeskClockHost.StartAsync(provider, new DateTimeOffset(2026, 12, 4, 17, 55, 0, Cet), [.. OfficeHours, "--Agents:BusinessHours:Holidays:0=2026-12-07"]);

        var ticket = await desk.HandedOverTicketAsync("conv-holiday", TicketPriority.P1);

        Assert.Equal(new DateTimeOffset(2026, 12, 8, 11, 55, 0, Cet), ticket.ResolutionDueAt);
        var hours = desk.Get<BusinessHours>();
        Assert.Equal(TimeSpan.FromHours(4), hours.Between(ticket.CreatedAt, ticket.ResolutionDueAt!.Value));
        Assert.False(hours.IsOpen(new DateTimeOffset(2026, 12, 7, 10, 0, 0, Cet)));
    }

    [Fact]
    public async Task Without_business_hours_every_hour_counts()
    {
        var friday = new DateTimeOffset(2026, 12, 4, 17, 55, 0, Cet);
        await using var desk = await DeskClockHost.StartAsync(provider, friday);

        var ticket = await desk.HandedOverTicketAsync("conv-always", TicketPriority.P1);

        Assert.Equal(friday.AddHours(4), ticket.ResolutionDueAt);
    }

    [Fact]
    public async Task While_a_ticket_is_Pending_its_clocks_stand_still_and_its_due_times_move_out_by_the_business_time_paused()
    {
        var monday = new DateTimeOffset(2026, 12, 7, 9, 0, 0, Cet);
        await using var desk = await DeskClockHost.StartAsync(provider, monday, OfficeHours);
        var ticket = await desk.HandedOverTicketAsync("conv-pending", TicketPriority.P2);
        Assert.Equal(monday.AddHours(8), ticket.ResolutionDueAt);

        desk.Clock.Advance(TimeSpan.FromHours(1));
        await desk.Tickets.UpdateAsync(ticket.Number, "agent:anna", t => (t.FirstRespondedAt, t.Status) = (desk.Clock.GetUtcNow(), TicketStatus.Pending), null, CancellationToken.None);

        // Monday 10:00 to Tuesday 10:00 on the customer: 8 business hours Monday, 2 Tuesday. The old due time passes meanwhile.
        desk.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new SlaWatchResult(0, 0), await desk.Get<SlaWatch>().RunAsync(CancellationToken.None));
        Assert.Null((await desk.ReloadAsync(ticket)).ResolutionBreachedAt);

        var resumed = await desk.Tickets.ChangeStatusAsync(ticket.Number, TicketStatus.Open, "customer", null, CancellationToken.None);

        Assert.Equal(TimeSpan.FromHours(10), resumed.SlaPausedFor);
        Assert.Null(resumed.SlaPausedSince);

        // 8 hours of target + 10 paused from Monday 09:00: Monday 9 h, Tuesday 9 h, due Tuesday 17:00.
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 17, 0, 0, Cet), resumed.ResolutionDueAt);
    }

    [Fact]
    public async Task A_reopened_ticket_restarts_its_clocks()
    {
        var start = new DateTimeOffset(2026, 12, 7, 9, 0, 0, Cet);
        await using var desk = await DeskClockHost.StartAsync(provider, start);
        var ticket = await desk.HandedOverTicketAsync("conv-reopen", TicketPriority.P2);
        desk.Clock.Advance(TimeSpan.FromHours(2));
        await desk.Get<SlaWatch>().RunAsync(CancellationToken.None);
        await desk.Tickets.UpdateAsync(ticket.Number, "agent:anna", t => (t.FirstRespondedAt, t.Status) = (desk.Clock.GetUtcNow(), TicketStatus.Resolved), null, CancellationToken.None);
        Assert.NotNull((await desk.ReloadAsync(ticket)).FirstResponseBreachedAt);

        desk.Clock.Advance(TimeSpan.FromDays(2));
        var reopened = await desk.Tickets.ChangeStatusAsync(ticket.Number, TicketStatus.Reopened, "customer", null, CancellationToken.None);

        var now = desk.Clock.GetUtcNow();
        Assert.Equal(now, reopened.SlaStartedAt);
        Assert.Equal(now.AddHours(1), reopened.FirstResponseDueAt);
        Assert.Equal(now.AddHours(8), reopened.ResolutionDueAt);
        Assert.Null(reopened.FirstRespondedAt);
        Assert.Null(reopened.FirstResponseBreachedAt);
        Assert.Null(reopened.ResolvedAt);
        Assert.Contains((await desk.ReloadAsync(ticket)).Audit, a => a.Field == nameof(TicketRow.SlaStartedAt) && a.Actor == "customer");
    }

    [Fact]
    public async Task An_SLA_warning_comes_at_80_percent_and_a_breach_raises_the_level_and_tells_supervisors_once()
    {
        var start = new DateTimeOffset(2026, 12, 7, 9, 0, 0, Cet);
        await using var desk = await DeskClockHost.StartAsync(provider, start, [.. MailServers.MailboxArguments(), "--Tickets:SlaWatch:SupervisorEmail=lead@example.test"]);
        var watch = desk.Get<SlaWatch>();
        var ticket = await desk.HandedOverTicketAsync("conv-breach", TicketPriority.P1);
        await desk.Tickets.UpdateAsync(ticket.Number, "agent:anna", t => t.AssigneeId = "7", null, CancellationToken.None);

        // P1: first response within 15 minutes, so the warning is due after 12.
        desk.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(new SlaWatchResult(0, 0), await watch.RunAsync(CancellationToken.None));
        desk.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new SlaWatchResult(1, 0), await watch.RunAsync(CancellationToken.None));
        Assert.Equal(new SlaWatchResult(0, 0), await watch.RunAsync(CancellationToken.None));
        Assert.Contains(desk.Events, e => e is { Kind: AgentEventKind.SlaWarning, Queue: "network" } && e.TicketNumber == ticket.Number);

        desk.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(new SlaWatchResult(0, 1), await watch.RunAsync(CancellationToken.None));
        Assert.Equal(new SlaWatchResult(0, 0), await watch.RunAsync(CancellationToken.None));

        var breached = await desk.ReloadAsync(ticket);
        Assert.Equal(desk.Clock.GetUtcNow(), breached.FirstResponseBreachedAt);
        Assert.Equal(SupportLevel.Third, breached.Level);
        Assert.Null(breached.AssigneeId);
        Assert.Null(breached.ResolutionBreachedAt);
        Assert.Contains(breached.Audit, a => a is { Actor: SlaWatch.Actor, Field: nameof(TicketRow.Level), OldValue: "Second", NewValue: "Third" });
        Assert.Contains(breached.Audit, a => a is { Actor: SlaWatch.Actor, Field: nameof(TicketRow.FirstResponseBreachedAt) });
        Assert.Contains(breached.Notes, n => n.Author == SlaWatch.Actor && n.Text.Contains("first-response target", StringComparison.Ordinal) && n.Text.Contains("raised to level 3", StringComparison.Ordinal));
        Assert.Single(desk.Events, e => e.Kind == AgentEventKind.SlaBreached && e.TicketNumber == ticket.Number);

        await using var db = await desk.Get<IDbContextFactory<FirstLineDbContext>>().CreateDbContextAsync();
        var mail = Assert.Single(await db.Set<EmailOutboxRow>().ToListAsync());
        Assert.Equal(("lead@example.test", MailServers.Support), (mail.Recipient, mail.Mailbox));
        Assert.Contains($"[{ticket.Number}] SLA breached: first response (P1)", System.Text.Encoding.UTF8.GetString(mail.Mime), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Re_queueing_on_a_breach_keeps_the_level_and_gives_the_live_chat_back_to_the_queue()
    {
        var start = new DateTimeOffset(2026, 12, 7, 9, 0, 0, Cet);
        await using var desk = await DeskClockHost.StartAsync(provider, start, "--Tickets:SlaWatch:OnBreach=Requeue");
        var ticket = await desk.HandedOverTicketAsync("conv-requeue", TicketPriority.P2);
        var ownership = desk.Get<ConversationOwnership>();
        await ownership.QueueAsync(BotJson.Deserialize<ConversationReference>(ticket.ConversationReferenceJson!)!, ticket.Number, CancellationToken.None);
        Assert.True(await ownership.TryClaimAsync(ticket.Number, "7", "Anna", CancellationToken.None));

        desk.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new SlaWatchResult(0, 1), await desk.Get<SlaWatch>().RunAsync(CancellationToken.None));

        var requeued = await desk.ReloadAsync(ticket);
        Assert.Equal(SupportLevel.Second, requeued.Level);
        Assert.Equal(ConversationOwner.Queue, (await ownership.FindByTicketAsync(ticket.Number, CancellationToken.None))!.Owner);
    }
}

public sealed class SlaClockOnSqliteTests() : SlaClockTests(StorageProvider.Sqlite);

public sealed class SlaClockOnPostgreSqlTests() : SlaClockTests(StorageProvider.PostgreSql);
