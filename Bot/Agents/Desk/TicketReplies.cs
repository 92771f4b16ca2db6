using FirstLine.Bot.Handoff;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using FirstLine.Channels.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Agents;

/// <summary>
/// An agent's answer to a customer. The reply is written to the ticket first, then sent on the customer's own
/// channel (<c>ContinueConversationAsync</c>); when the channel is gone it stays on the ticket and
/// <see cref="PendingReplySender"/> tries again. Nothing an agent writes is dropped.
/// </summary>
public sealed partial class TicketReplies(
    IDbContextFactory<FirstLineDbContext> contexts,
    ConversationOwnership ownership,
    AgentConversations conversations,
    ChannelAdapters channels,
    TicketService tickets,
    IAgentNotifier notifier,
    IOptions<AgentOptions> options,
    TimeProvider time,
    ILogger<TicketReplies> logger)
{
    /// <summary>Keeps the reply on ticket <paramref name="number"/> and sends it; <paramref name="actor"/> is how the writer appears on the audit trail.</summary>
    /// <exception cref="TicketNotFoundException">no such ticket</exception>
    /// <exception cref="HandoffException">another agent is chatting with the customer live</exception>
    public async Task<ReplyOutcome> ReplyAsync(string number, AgentIdentity agent, string actor, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (string.IsNullOrWhiteSpace(text) || text.Length > options.Value.MaxReplyChars)
        {
            throw new AgentValidationException($"A reply needs text of 1 to {options.Value.MaxReplyChars} characters.");
        }

        var owner = await ownership.FindByTicketAsync(number, cancellationToken);
        if (owner is { Owner: ConversationOwner.Agent } && owner.AgentId != agent.Id)
        {
            throw new HandoffException($"{owner.AgentName} is chatting with the customer of ticket {number} right now; add a note instead, or ask them to hand over.");
        }

        TicketReplyRow reply;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var ticketId = await db.Tickets.Where(t => t.Number == number).Select(t => (long?)t.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new TicketNotFoundException(number);
            reply = new TicketReplyRow
            {
                TicketId = ticketId,
                TicketNumber = number,
                Actor = actor,
                AuthorName = agent.Name,
                Text = text,
                Status = ReplyStatus.Pending,
                CreatedAt = time.GetUtcNow(),
            };
            db.TicketReplies.Add(reply);
            db.TicketAudit.Add(new TicketAuditRow { TicketId = ticketId, Actor = actor, Action = "reply-written", At = reply.CreatedAt });
            await db.SaveChangesAsync(cancellationToken);
        }

        var outcome = await DeliverAsync(reply, agent, cancellationToken);
        await notifier.PublishAsync(new AgentEvent(AgentEventKind.TicketChanged, number), cancellationToken);
        return outcome;
    }

    /// <summary>Tries to send a kept reply; records the result on the reply and the audit trail.</summary>
    internal async Task<ReplyOutcome> DeliverAsync(TicketReplyRow reply, AgentIdentity agent, CancellationToken cancellationToken)
    {
        string? activityId = null;
        string? error = null;
        try
        {
            activityId = await SendAsync(reply, agent, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Whatever broke on the way (channel not configured, conversation gone, transport down), the reply is kept.
            error = exception.Message;
            LogNotDelivered(exception, reply.Id, reply.TicketNumber);
        }

        var now = time.GetUtcNow();
        var retry = options.Value.Replies;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.TicketReplies.FirstAsync(r => r.Id == reply.Id, cancellationToken);
        row.Attempts++;
        if (error is null)
        {
            row.Status = ReplyStatus.Sent;
            row.SentAt = now;
            row.ActivityId = activityId;
            row.LastError = null;
            row.NextAttemptAt = null;
        }
        else
        {
            row.LastError = error.Length > 1000 ? error[..1000] : error;
            row.Status = row.Attempts >= retry.MaxAttempts ? ReplyStatus.Undeliverable : ReplyStatus.Pending;
            row.NextAttemptAt = row.Status == ReplyStatus.Pending ? now + retry.RetryInterval : null;
        }

        db.TicketAudit.Add(new TicketAuditRow
        {
            TicketId = row.TicketId,
            Actor = row.Actor,
            Action = row.Status switch { ReplyStatus.Sent => "reply-sent", ReplyStatus.Pending => "reply-kept", _ => "reply-undeliverable" },
            NewValue = error is null ? activityId : row.LastError,
            At = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new ReplyOutcome(
            row,
            error is null,
            error is null
                ? "Sent to the customer on their channel."
                : row.Status == ReplyStatus.Pending
                    ? $"The customer's channel cannot be reached ({row.LastError}). The reply is kept on the ticket and will be sent again from {row.NextAttemptAt:u}."
                    : $"The reply could not be delivered after {row.Attempts} attempts. It is kept on the ticket; answer the customer another way.");
    }

    private async Task<string?> SendAsync(TicketReplyRow reply, AgentIdentity agent, CancellationToken cancellationToken)
    {
        var owner = await ownership.FindByTicketAsync(reply.TicketNumber, cancellationToken);
        if (owner is { Owner: ConversationOwner.Agent } && owner.AgentId == agent.Id)
        {
            // The agent chats live: the handoff service sends and keeps the first-response time.
            return await conversations.SendAsync(reply.TicketNumber, agent, reply.Text, cancellationToken);
        }

        var ticket = await tickets.FindAsync(reply.TicketNumber, cancellationToken) ?? throw new TicketNotFoundException(reply.TicketNumber);
        var reference = BotJson.Deserialize<ConversationReference>(owner?.ConversationReferenceJson ?? ticket.ConversationReferenceJson ?? "null")
            ?? throw new HandoffException($"Ticket {reply.TicketNumber} has no address to reach the customer.");
        string? id = null;
        await channels.For(ticket.Channel).ContinueConversationAsync(
            reference,
            async (turn, ct) =>
            {
                var message = Activity.CreateMessageActivity(reply.Text);
                message.Locale = owner?.Locale ?? ticket.Language;
                message.From = new ChannelAccount($"agent:{agent.Id}", agent.Name, RoleTypes.Bot);
                id = (await turn.SendActivityAsync(message, ct))?.Id;
            },
            cancellationToken);
        await tickets.UpdateAsync(reply.TicketNumber, reply.Actor, t => t.FirstRespondedAt ??= time.GetUtcNow(), expectedETag: null, cancellationToken);
        await conversations.ReachIfAbsentAsync(reply.TicketNumber, agent, reply.Text, cancellationToken);
        return id;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply {ReplyId} on ticket {TicketNumber} could not reach the customer; it is kept for a retry")]
    private partial void LogNotDelivered(Exception exception, long replyId, string ticketNumber);
}
