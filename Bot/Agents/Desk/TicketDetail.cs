using FirstLine.Bot.Handoff;
using FirstLine.Bot.Tickets;

namespace FirstLine.Bot.Agents;

/// <summary>Everything an agent needs to work a ticket, in one read.</summary>
/// <param name="Ticket">the ticket with its requester, notes and audit trail</param>
/// <param name="Transcript">the conversation, oldest first</param>
/// <param name="Replies">agents' replies kept on the ticket, with their delivery state</param>
/// <param name="Owner">who owns the live conversation, when it was handed over</param>
/// <param name="Assignee">the assigned agent, when there is one</param>
public sealed record TicketDetail(
    TicketRow Ticket,
    IReadOnlyList<TranscriptEntry> Transcript,
    IReadOnlyList<TicketReplyRow> Replies,
    ConversationOwnerRow? Owner,
    AgentAccount? Assignee);

/// <summary>Who wrote a transcript line, so the console can tell customer, bot and agent apart.</summary>
public enum TranscriptAuthor
{
    Customer,
    Bot,
    Agent,
}

/// <summary>
/// One message of the conversation. <see cref="Text"/> is exactly what was written — show it as text, never
/// as markup (customers can type <c>&lt;script&gt;</c>).
/// </summary>
public sealed record TranscriptEntry(string? Id, DateTimeOffset? At, TranscriptAuthor Author, string? FromName, string Type, string? Text);
