using FirstLine.Bot.Tickets;
using FirstLine.Channels.Schema;

namespace FirstLine.Bot.Handoff;

/// <summary>An agent as the conversation sees them.</summary>
public sealed record AgentIdentity(string Id, string Name, SupportLevel Level);

/// <summary>
/// What an agent does with a handed-over conversation: claim it, write to the customer on the customer's own
/// channel, hand it back to the bot, resolve it, or escalate it to level 3. Every step is on the ticket's
/// audit trail and announced to the customer in their language.
/// </summary>
public sealed class AgentConversations(
    ConversationOwnership ownership,
    TicketService tickets,
    ChannelAdapters channels,
    IAgentNotifier notifier,
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
        await SendToCustomerAsync(owner, [Activity.CreateMessageActivity(HandoffTexts.AgentJoined(owner.Locale, agent.Name)), HandoffEvents.CreateStatus("accepted")], agent: null, cancellationToken);
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
        return ids[0];
    }

    /// <summary>The bot answers again; the customer is told the agent left.</summary>
    public async Task HandBackAsync(string ticketNumber, AgentIdentity agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var owner = await RequireOwnerAsync(ticketNumber, cancellationToken);
        await ownership.ReleaseToBotAsync(ticketNumber, cancellationToken);
        await tickets.UpdateAsync(ticketNumber, Actor(agent), t => t.AssigneeId = null, expectedETag: null, cancellationToken);
        await SendToCustomerAsync(owner, [Activity.CreateMessageActivity(HandoffTexts.AgentLeft(owner.Locale, agent.Name)), HandoffEvents.CreateStatus("completed")], agent: null, cancellationToken);
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
        await ownership.ReleaseToBotAsync(ticketNumber, cancellationToken);
        await SendToCustomerAsync(owner, [Activity.CreateMessageActivity(HandoffTexts.Resolved(owner.Locale, ticketNumber)), HandoffEvents.CreateStatus("completed")], agent: null, cancellationToken);
        await notifier.PublishAsync(new AgentEvent(AgentEventKind.TicketChanged, ticketNumber), cancellationToken);
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
            await ownership.QueueAsync(BotJson.Deserialize<ConversationReference>(owner.ConversationReferenceJson)!, ticketNumber, cancellationToken);
        }

        await SendToCustomerAsync(owner, [Activity.CreateMessageActivity(HandoffTexts.EscalatedToThirdLevel(owner.Locale, ticketNumber))], agent: null, cancellationToken);
        await notifier.PublishAsync(new AgentEvent(AgentEventKind.TicketQueued, ticketNumber), cancellationToken);
    }

    private async Task<ConversationOwnerRow> RequireOwnerAsync(string ticketNumber, CancellationToken cancellationToken) =>
        await ownership.FindByTicketAsync(ticketNumber, cancellationToken)
            ?? throw new HandoffException($"Ticket {ticketNumber} has no conversation handed over to agents.");

    private async Task<string[]> SendToCustomerAsync(ConversationOwnerRow owner, IReadOnlyList<Activity> activities, AgentIdentity? agent, CancellationToken cancellationToken)
    {
        var reference = BotJson.Deserialize<ConversationReference>(owner.ConversationReferenceJson)
            ?? throw new HandoffException($"The conversation of ticket {owner.TicketNumber} has no address.");
        var ids = Array.Empty<string>();
        await channels.For(owner.Channel).ContinueConversationAsync(
            reference,
            async (turn, ct) =>
            {
                foreach (var activity in activities)
                {
                    activity.Locale ??= owner.Locale;
                    if (agent is not null)
                    {
                        activity.From = new ChannelAccount($"agent:{agent.Id}", agent.Name, RoleTypes.Bot);
                    }
                }

                ids = [.. (await turn.SendActivitiesAsync(activities, ct)).Select(r => r.Id)];
            },
            cancellationToken);
        return ids;
    }

    private static string Actor(AgentIdentity agent) => $"agent:{agent.Id}";
}
