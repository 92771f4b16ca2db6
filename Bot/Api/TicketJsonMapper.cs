using System.Text.Json;
using FirstLine.Bot.Agents;
using FirstLine.Bot.Tickets;

namespace FirstLine.Bot.Api;

/// <summary>Rows and service results as the API's JSON.</summary>
internal static class TicketJsonMapper
{
    public static TicketJson ToJson(TicketRow ticket, IReadOnlyDictionary<string, AgentAccount> agents)
    {
        AssigneeJson? assignee = null;
        if (ticket.AssigneeId is { } id)
        {
            agents.TryGetValue(id, out var agent);
            assignee = new AssigneeJson(id, agent?.Name, agent?.Email);
        }

        return new TicketJson(
            ticket.Number,
            ticket.Status.ToString(),
            ticket.Priority.ToString(),
            (int)ticket.Level,
            ticket.Channel,
            ticket.Language,
            ticket.Subject,
            new RequesterJson(ticket.Customer?.Name, ticket.Customer?.Email, ticket.Customer?.Language),
            ticket.CreatedAt,
            ticket.UpdatedAt,
            ticket.Queue,
            ticket.Category,
            assignee,
            ticket.FirstResponseDueAt,
            ticket.ResolutionDueAt,
            ticket.FirstRespondedAt,
            ticket.ResolvedAt,
            ticket.SlaPausedSince,
            ticket.FirstResponseBreachedAt,
            ticket.ResolutionBreachedAt,
            ticket.ETag);
    }

    public static TicketDetailJson ToJson(TicketDetail detail, IReadOnlyDictionary<string, AgentAccount> agents)
    {
        var ticket = detail.Ticket;
        return new TicketDetailJson(
            ToJson(ticket, agents),
            ticket.Description,
            ticket.Summary,
            ParseJson(ticket.PriorityRationaleJson),
            ParseJson(ticket.BotAttemptsJson),
            ticket.KeyPhrasesJson is null ? [] : JsonSerializer.Deserialize<List<string>>(ticket.KeyPhrasesJson) ?? [],
            ticket.Sentiment,
            detail.Owner is null ? null : new ConversationJson(detail.Owner.Owner.ToString(), detail.Owner.AgentId, detail.Owner.AgentName),
            [.. detail.Transcript.Select(e => new TranscriptEntryJson(e.Id, e.At, e.Author.ToString().ToLowerInvariant(), e.FromName, e.Text))],
            [.. ticket.Notes.OrderBy(n => n.Id).Select(ToJson)],
            [.. detail.Replies.Select(ToJson)],
            [.. ticket.Audit.OrderBy(a => a.Id).Select(a => new AuditJson(a.At, a.Actor, a.Action, a.Field, a.OldValue, a.NewValue))]);
    }

    public static AttachmentJson ToJson(string ticketNumber, TicketAttachment attachment) =>
        new(
            attachment.Id,
            attachment.FileName,
            attachment.ContentType,
            attachment.Bytes,
            attachment.Sha256,
            attachment.Inline,
            attachment.ContentId,
            attachment.ReceivedAt,
            $"/api/tickets/{Uri.EscapeDataString(ticketNumber)}/attachments/{attachment.Id}");

    public static NoteJson ToJson(TicketNoteRow note) => new(note.Id, note.Author, note.Text, note.CreatedAt);

    public static ReplyJson ToJson(TicketReplyRow reply) =>
        new(reply.Id, reply.Actor, reply.Text, reply.Status.ToString(), reply.Attempts, reply.LastError, reply.CreatedAt, reply.SentAt, reply.NextAttemptAt);

    public static AgentJson ToJson(AgentAccount agent) =>
        new(agent.AgentId, agent.Email, agent.Name, agent.Role.ToString(), (int)agent.Level, agent.Queues, agent.Disabled, agent.LastSeenAt);

    private static JsonElement? ParseJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Stored by an older version in another shape: show it as text rather than fail the whole ticket.
            return JsonSerializer.SerializeToElement(json);
        }
    }
}
