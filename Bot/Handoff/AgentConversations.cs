using FirstLine.Bot.Tickets;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;

namespace FirstLine.Bot.Handoff;

/// <summary>An agent as the conversation sees them.</summary>
public sealed record AgentIdentity(string Id, string Name, SupportLevel Level);

/// <summary>
/// What an agent does with a handed-over conversation: claim it, write to the customer on the customer's own
/// channel, hand it back to the bot, resolve it, or escalate it to level 3. Every step is on the ticket's
/// audit trail and announced to the customer in their language. When a human lets go of the conversation the bot
/// hears <c>handoff.status</c> "completed" in the same turn, and asks the customer how satisfied they are.
/// </summary>
public sealed class AgentConversations(
    ConversationOwnership ownership,
    TicketService tickets,
    ChannelAdapters channels,
    IBot bot,
    IAgentNotifier notifier,
    IEnumerable<ICustomerFallbackChannel> fallbacks,
    TimeProvider time)
{
    public async Task ClaimAsync(string ticketNumber, AgentIdentity agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var owner = await RequireOwnerAsync(ticketNumber, cancellationToken);
        if (!await ownership.TryClaimAsync(ticketNumber, agent.Id, agent.Name, cancellationToken))
        {
            throw new HandoffException($"Ticket {ticketNumber} is already owned by another agent.");
        }

        await tickets.UpdateAsync(
            ticketNumber,
            Actor(agent),
            t =>
            {
                t.AssigneeId = agent.Id;
                t.Status = t.Status is TicketStatus.New or TicketStatus.Pending ? TicketStatus.Open : t.Status;
            },
            expectedETag: null,
            cancellationToken);
        await SendToCustomerAsync(owner, [Activity.CreateMessageActivity(HandoffTexts.AgentJoined(owner.Locale, agent.Name)), HandoffEvents.CreateStatus(HandoffStates.Accepted)], agent: null, cancellationToken);
        await notifier.PublishAsync(new AgentEvent(AgentEventKind.TicketChanged, ticketNumber), cancellationToken);
    }

    /// <summary>Sends the agent's message to the customer; only the agent who owns the conversation may.</summary>
    public async Task<string> SendAsync(string ticketNumber, AgentIdentity agent, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var owner = await RequireOwnerAsync(ticketNumber, cancellationToken);
        if (owner.Owner != ConversationOwner.Agent || owner.AgentId != agent.Id)
        {
            throw new HandoffException($"Claim ticket {ticketNumber} before writing to the customer.");
        }

        var ids = await SendToCustomerAsync(owner, [Activity.CreateMessageActivity(text)], agent, cancellationToken);
        await tickets.UpdateAsync(ticketNumber, Actor(agent), t => t.FirstRespondedAt ??= time.GetUtcNow(), expectedETag: null, cancellationToken);
        await ReachIfAbsentAsync(ticketNumber, agent, text, cancellationToken);
        return ids[0];
    }

    /// <summary>Also sends the agent's text another way (email) when the customer has left their channel.</summary>
    public async Task ReachIfAbsentAsync(string ticketNumber, AgentIdentity agent, string text, CancellationToken cancellationToken)
    {
        foreach (var fallback in fallbacks)
        {
            await fallback.ReachIfAbsentAsync(ticketNumber, agent, text, cancellationToken);
        }
    }

    /// <summary>The bot answers again; the customer is told the agent left.</summary>
    public async Task HandBackAsync(string ticketNumber, AgentIdentity agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var owner = await RequireOwnerAsync(ticketNumber, cancellationToken);
        await ownership.ReleaseToBotAsync(ticketNumber, cancellationToken);
        await tickets.UpdateAsync(ticketNumber, Actor(agent), t => t.AssigneeId = null, expectedETag: null, cancellationToken);
        await ReturnToBotAsync(owner, HandoffTexts.AgentLeft(owner.Locale, agent.Name), cancellationToken);
        await notifier.PublishAsync(new AgentEvent(AgentEventKind.TicketChanged, ticketNumber), cancellationToken);
    }

    public async Task ResolveAsync(string ticketNumber, AgentIdentity agent, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var owner = await RequireOwnerAsync(ticketNumber, cancellationToken);
        if (!string.IsNullOrWhiteSpace(note))
        {
            await tickets.AddNoteAsync(ticketNumber, Actor(agent), note, cancellationToken);
        }

        await tickets.ChangeStatusAsync(ticketNumber, TicketStatus.Resolved, Actor(agent), expectedETag: null, cancellationToken);
        await ReturnResolvedAsync(owner, cancellationToken);
        await notifier.PublishAsync(new AgentEvent(AgentEventKind.TicketChanged, ticketNumber), cancellationToken);
    }

    /// <summary>
    /// The ticket was resolved elsewhere (e.g. <c>PATCH /api/tickets/{number}</c>): a conversation still waiting for or
    /// owned by a human goes back to the bot, the customer is told and asked how satisfied they are.
    /// </summary>
    public async Task TicketResolvedAsync(string ticketNumber, CancellationToken cancellationToken)
    {
        if (await ownership.FindByTicketAsync(ticketNumber, cancellationToken) is { Owner: not ConversationOwner.Bot } owner)
        {
            await ReturnResolvedAsync(owner, cancellationToken);
        }
    }

    private async Task ReturnResolvedAsync(ConversationOwnerRow owner, CancellationToken cancellationToken)
    {
        await ownership.ReleaseToBotAsync(owner.TicketNumber!, cancellationToken);
        await ReturnToBotAsync(owner, HandoffTexts.Resolved(owner.Locale, owner.TicketNumber!), cancellationToken);
    }

    public async Task EscalateToThirdLevelAsync(string ticketNumber, AgentIdentity agent, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var owner = await RequireOwnerAsync(ticketNumber, cancellationToken);
        await tickets.AddNoteAsync(ticketNumber, Actor(agent), $"Escalated to level 3: {reason}", cancellationToken);
        await tickets.UpdateAsync(ticketNumber, Actor(agent), t => { t.Level = SupportLevel.Third; t.AssigneeId = null; }, expectedETag: null, cancellationToken);
        if (owner.TicketNumber is not null)
        {
            await ownership.QueueAsync(ReferenceOf(owner), ticketNumber, cancellationToken);
        }

        await SendToCustomerAsync(owner, [Activity.CreateMessageActivity(HandoffTexts.EscalatedToThirdLevel(owner.Locale, ticketNumber))], agent: null, cancellationToken);
        await notifier.PublishAsync(new AgentEvent(AgentEventKind.TicketQueued, ticketNumber), cancellationToken);
    }

    private async Task<ConversationOwnerRow> RequireOwnerAsync(string ticketNumber, CancellationToken cancellationToken) =>
        await ownership.FindByTicketAsync(ticketNumber, cancellationToken)
            ?? throw new HandoffException($"Ticket {ticketNumber} has no conversation handed over to agents.");

    /// <summary>
    /// Tells the customer (<paramref name="notice"/>) and the conversation's listeners that the human is done. When a
    /// human (or the queue) had the conversation, the bot takes it back in the same turn — one turn, so a channel that
    /// gathers a turn's replies (email) sends the notice and the bot's question together. A conversation the bot already
    /// had (handed back earlier) only gets the notice: the customer may be in the middle of something new with the bot.
    /// </summary>
    private async Task ReturnToBotAsync(ConversationOwnerRow owner, string notice, CancellationToken cancellationToken)
    {
        IReadOnlyList<Activity> notices = [Activity.CreateMessageActivity(notice), HandoffEvents.CreateStatus(HandoffStates.Completed)];
        if (owner.Owner == ConversationOwner.Bot)
        {
            await SendToCustomerAsync(owner, notices, agent: null, cancellationToken);
            return;
        }

        var reference = ReferenceOf(owner);
        await channels.For(owner.Channel).ProcessActivityAsync(
            HandoffEvents.CreateCompletedSignal(reference, owner.TicketNumber!),
            async (turn, ct) =>
            {
                await turn.SendActivitiesAsync(Addressed(notices, owner, agent: null), ct);
                await bot.OnTurnAsync(turn, ct);
            },
            cancellationToken);
    }

    private static ConversationReference ReferenceOf(ConversationOwnerRow owner) =>
        BotJson.Deserialize<ConversationReference>(owner.ConversationReferenceJson)
            ?? throw new HandoffException($"The conversation of ticket {owner.TicketNumber} has no address.");

    private async Task<string[]> SendToCustomerAsync(ConversationOwnerRow owner, IReadOnlyList<Activity> activities, AgentIdentity? agent, CancellationToken cancellationToken)
    {
        var reference = ReferenceOf(owner);
        var ids = Array.Empty<string>();
        await channels.For(owner.Channel).ContinueConversationAsync(
            reference,
            async (turn, ct) => ids = [.. (await turn.SendActivitiesAsync(Addressed(activities, owner, agent), ct)).Select(r => r.Id)],
            cancellationToken);
        return ids;
    }

    /// <summary>In the customer's language; an agent's own words carry the agent as sender.</summary>
    private static IReadOnlyList<Activity> Addressed(IReadOnlyList<Activity> activities, ConversationOwnerRow owner, AgentIdentity? agent)
    {
        foreach (var activity in activities)
        {
            activity.Locale ??= owner.Locale;
            if (agent is not null)
            {
                activity.From = new ChannelAccount($"agent:{agent.Id}", agent.Name, RoleTypes.Bot);
            }
        }

        return activities;
    }

    private static string Actor(AgentIdentity agent) => $"agent:{agent.Id}";
}
