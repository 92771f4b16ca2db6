using FirstLine.Bot.Handoff;
using FirstLine.Bot.Storage;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;
using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Agents;

/// <summary>Reads a ticket with its transcript, replies, conversation owner and assignee.</summary>
public sealed class TicketDetails(
    Tickets.TicketService tickets,
    ITranscriptLogger transcripts,
    ConversationOwnership ownership,
    AgentDirectory agents,
    IDbContextFactory<FirstLineDbContext> contexts)
{
    /// <summary>Null when there is no such ticket.</summary>
    public async Task<TicketDetail?> GetAsync(string number, CancellationToken cancellationToken)
    {
        var ticket = await tickets.FindAsync(number, cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        var transcript = await transcripts.GetTranscriptAsync(ticket.Channel, ticket.ConversationId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var replies = await db.TicketReplies.AsNoTracking().Where(r => r.TicketId == ticket.Id).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var owner = await ownership.FindByTicketAsync(number, cancellationToken);
        var assignee = ticket.AssigneeId is null ? null : await agents.FindAsync(ticket.AssigneeId, cancellationToken);
        return new TicketDetail(
            ticket,
            [.. transcript.Where(a => a.IsType(ActivityTypes.Message)).Select(ToEntry)],
            replies,
            owner,
            assignee);
    }

    private static TranscriptEntry ToEntry(Activity activity)
    {
        var from = activity.From;
        var author = from?.Role != RoleTypes.Bot
            ? TranscriptAuthor.Customer
            : from.Id?.StartsWith("agent:", StringComparison.Ordinal) == true ? TranscriptAuthor.Agent : TranscriptAuthor.Bot;
        return new TranscriptEntry(activity.Id, activity.Timestamp, author, from?.Name, activity.Type ?? ActivityTypes.Message, activity.Text);
    }
}
