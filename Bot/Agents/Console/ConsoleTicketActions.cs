using FirstLine.Bot.Handoff;
using FirstLine.Bot.Tickets;

namespace FirstLine.Bot.Agents.Console;

/// <summary>An agent may not act on this ticket (its level is above theirs).</summary>
public sealed class ConsoleForbiddenException : Exception
{
    public ConsoleForbiddenException()
    {
    }

    public ConsoleForbiddenException(string message)
        : base(message)
    {
    }

    public ConsoleForbiddenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Everything an agent does to a ticket from the console, checked against their level on the server
/// (the components run there, but the check lives here so no button can skip it).
/// </summary>
public sealed class ConsoleTicketActions(TicketService tickets, AgentConversations conversations, ConversationOwnership ownership, IAgentNotifier notifier)
{
    public async Task ClaimAsync(ConsoleAgent agent, string number, CancellationToken cancellationToken)
    {
        await RequireAllowedAsync(agent, number, cancellationToken);
        await conversations.ClaimAsync(number, agent.Identity, cancellationToken);
    }

    /// <summary>For tickets without a live conversation (e.g. email): the agent takes the ticket itself.</summary>
    public async Task AssignToSelfAsync(ConsoleAgent agent, string number, string? expectedETag, CancellationToken cancellationToken)
    {
        await RequireAllowedAsync(agent, number, cancellationToken);
        await tickets.UpdateAsync(
            number,
            agent.Actor,
            t =>
            {
                t.AssigneeId = agent.Id;
                t.Status = t.Status is TicketStatus.New or TicketStatus.Reopened ? TicketStatus.Open : t.Status;
            },
            expectedETag,
            cancellationToken);
        await PublishChangedAsync(number, cancellationToken);
    }

    public async Task SendAsync(ConsoleAgent agent, string number, string text, CancellationToken cancellationToken)
    {
        await RequireAllowedAsync(agent, number, cancellationToken);
        await conversations.SendAsync(number, agent.Identity, text, cancellationToken);
    }

    public async Task HandBackAsync(ConsoleAgent agent, string number, CancellationToken cancellationToken)
    {
        await RequireAllowedAsync(agent, number, cancellationToken);
        await conversations.HandBackAsync(number, agent.Identity, cancellationToken);
    }

    /// <summary>With a live conversation the customer is told and the bot takes over again; without one (e.g. email) only the ticket changes.</summary>
    public async Task ResolveAsync(ConsoleAgent agent, string number, string? note, CancellationToken cancellationToken)
    {
        await RequireAllowedAsync(agent, number, cancellationToken);
        if (await ownership.FindByTicketAsync(number, cancellationToken) is not null)
        {
            await conversations.ResolveAsync(number, agent.Identity, note, cancellationToken);
            return;
        }

        if (!string.IsNullOrWhiteSpace(note))
        {
            await tickets.AddNoteAsync(number, agent.Actor, note, cancellationToken);
        }

        await tickets.ChangeStatusAsync(number, TicketStatus.Resolved, agent.Actor, expectedETag: null, cancellationToken);
        await PublishChangedAsync(number, cancellationToken);
    }

    public async Task EscalateAsync(ConsoleAgent agent, string number, string reason, CancellationToken cancellationToken)
    {
        await RequireAllowedAsync(agent, number, cancellationToken);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (await ownership.FindByTicketAsync(number, cancellationToken) is not null)
        {
            await conversations.EscalateToThirdLevelAsync(number, agent.Identity, reason, cancellationToken);
            return;
        }

        await tickets.AddNoteAsync(number, agent.Actor, $"Escalated to level 3: {reason}", cancellationToken);
        await tickets.UpdateAsync(number, agent.Actor, t => { t.Level = SupportLevel.Third; t.AssigneeId = null; }, expectedETag: null, cancellationToken);
        await notifier.PublishAsync(new AgentEvent(AgentEventKind.TicketQueued, number), cancellationToken);
    }

    public async Task ChangeStatusAsync(ConsoleAgent agent, string number, TicketStatus status, string? expectedETag, CancellationToken cancellationToken)
    {
        await RequireAllowedAsync(agent, number, cancellationToken);
        await tickets.ChangeStatusAsync(number, status, agent.Actor, expectedETag, cancellationToken);
        await PublishChangedAsync(number, cancellationToken);
    }

    public async Task ChangePriorityAsync(ConsoleAgent agent, string number, TicketPriority priority, string? expectedETag, CancellationToken cancellationToken)
    {
        await RequireAllowedAsync(agent, number, cancellationToken);
        await tickets.UpdateAsync(number, agent.Actor, t => t.Priority = priority, expectedETag, cancellationToken);
        await PublishChangedAsync(number, cancellationToken);
    }

    /// <summary>Notes are allowed on any ticket the agent can see: a level-2 agent may add what they know to a level-3 ticket.</summary>
    public async Task AddNoteAsync(ConsoleAgent agent, string number, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        await tickets.AddNoteAsync(number, agent.Actor, text, cancellationToken);
        await PublishChangedAsync(number, cancellationToken);
    }

    private async Task RequireAllowedAsync(ConsoleAgent agent, string number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var ticket = await tickets.FindAsync(number, cancellationToken) ?? throw new TicketNotFoundException(number);
        if (!agent.MayActOn(ticket.Level))
        {
            throw new ConsoleForbiddenException($"Ticket {number} is at level {(int)ticket.Level}; agent {agent.Id} works at level {(int)agent.Level}.");
        }
    }

    private Task PublishChangedAsync(string number, CancellationToken cancellationToken) =>
        notifier.PublishAsync(new AgentEvent(AgentEventKind.TicketChanged, number), cancellationToken);
}
