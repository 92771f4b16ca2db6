using System.Globalization;
using System.Security.Claims;
using System.Text;
using FirstLine.Bot.Agents;
using FirstLine.Bot.Agents.Authentication;
using FirstLine.Bot.Handoff;
using FirstLine.Bot.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Api;

/// <summary>The ticket REST API under <c>/api/tickets</c>.</summary>
internal static class TicketEndpoints
{
    /// <summary>The body limit of a note request: the note limit plus room for JSON escaping, so the text check decides.</summary>
    private const long MaxNoteRequestBytes = 1024 * 1024;

    public static void Map(RouteGroupBuilder api)
    {
        var tickets = api.MapGroup("/tickets").WithTags("Tickets");
        tickets.MapGet("/", ListAsync).WithName("ListTickets").WithSummary("Lists tickets, most urgent first, with filters and paging.");
        tickets.MapGet("/{number}", GetAsync).WithName("GetTicket").WithSummary("A ticket with its transcript, summary, priority rationale, notes, replies and audit trail.");
        tickets.MapPatch("/{number}", PatchAsync).WithName("UpdateTicket").WithSummary("Changes status, priority, level or assignee; If-Match guards against lost updates.");
        tickets.MapPost("/{number}/notes", AddNoteAsync).WithName("AddNote").WithSummary("Adds an internal note (never shown to the customer).")
            .WithMetadata(new RequestSizeLimitAttribute(MaxNoteRequestBytes));
        tickets.MapPost("/{number}/replies", ReplyAsync).WithName("ReplyToCustomer").WithSummary("Sends a reply to the customer on their channel; kept and retried when the channel is gone.");
    }

    private static async Task<IResult> ListAsync(
        TicketSearch search,
        AgentDirectory agents,
        [FromQuery] string[]? status,
        string? queue,
        int? level,
        string? language,
        string? assignee,
        string? text,
        CancellationToken cancellationToken,
        int page = 1,
        int pageSize = 25)
    {
        var statuses = new List<TicketStatus>();
        foreach (var value in (status ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Enum.TryParse<TicketStatus>(value, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(value, CultureInfo.InvariantCulture, out _))
            {
                return ApiProblems.BadRequest($"Unknown status '{value}'. Use {string.Join(", ", Enum.GetNames<TicketStatus>())}.");
            }

            statuses.Add(parsed);
        }

        if (level is { } l && !Enum.IsDefined((SupportLevel)l))
        {
            return ApiProblems.BadRequest("level must be 1, 2 or 3.");
        }

        if (page < 1 || pageSize < 1 || pageSize > TicketSearch.MaxPageSize)
        {
            return ApiProblems.BadRequest($"page must be 1 or more and pageSize between 1 and {TicketSearch.MaxPageSize}.");
        }

        var filter = new TicketFilter
        {
            Statuses = statuses,
            Queue = queue,
            Level = (SupportLevel?)level,
            Language = language,
            Assignee = await ResolveAssigneeFilterAsync(agents, assignee, cancellationToken),
            Text = text,
        };
        var result = await search.SearchAsync(filter, page, pageSize, cancellationToken);
        var names = await AgentsByIdAsync(agents, cancellationToken);
        return TypedResults.Ok(new TicketListJson([.. result.Items.Select(t => TicketJsonMapper.ToJson(t, names))], result.Total, result.Page, result.PageSize));
    }

    private static async Task<IResult> GetAsync(string number, TicketDetails details, AgentDirectory agents, HttpResponse response, CancellationToken cancellationToken)
    {
        var detail = await details.GetAsync(number, cancellationToken);
        if (detail is null)
        {
            return ApiProblems.NotFound(number);
        }

        EntityTags.Set(response, detail.Ticket.ETag);
        return TypedResults.Ok(TicketJsonMapper.ToJson(detail, await AgentsByIdAsync(agents, cancellationToken)));
    }

    private static async Task<IResult> PatchAsync(
        string number,
        TicketPatchRequest patch,
        TicketService tickets,
        AgentDirectory agents,
        IAgentNotifier notifier,
        AgentConversations conversations,
        ClaimsPrincipal user,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var ticket = await tickets.FindAsync(number, cancellationToken);
        if (ticket is null)
        {
            return ApiProblems.NotFound(number);
        }

        if (!user.MayWorkAt(ticket.Level))
        {
            return ApiProblems.Forbidden($"Ticket {number} is at level 3; only level-3 agents and admins may change it.");
        }

        TicketStatus? status = null;
        if (patch.Status is not null)
        {
            if (!Enum.TryParse<TicketStatus>(patch.Status, ignoreCase: true, out var parsed) || int.TryParse(patch.Status, CultureInfo.InvariantCulture, out _))
            {
                return ApiProblems.BadRequest($"Unknown status '{patch.Status}'. Use {string.Join(", ", Enum.GetNames<TicketStatus>())}.");
            }

            status = parsed;
        }

        TicketPriority? priority = null;
        if (patch.Priority is not null)
        {
            if (!Enum.TryParse<TicketPriority>(patch.Priority, ignoreCase: true, out var parsed) || !patch.Priority.StartsWith('P') && !patch.Priority.StartsWith('p'))
            {
                return ApiProblems.BadRequest($"Unknown priority '{patch.Priority}'. Use P1, P2, P3 or P4.");
            }

            priority = parsed;
        }

        if (patch.Level is { } level && !Enum.IsDefined((SupportLevel)level))
        {
            return ApiProblems.BadRequest("level must be 1 (bot), 2 or 3.");
        }

        var newLevel = (SupportLevel?)patch.Level ?? ticket.Level;
        AgentAccount? assignee = null;
        if (patch.AssigneeGiven && !string.IsNullOrWhiteSpace(patch.Assignee))
        {
            assignee = await agents.FindAsync(patch.Assignee.Trim(), cancellationToken);
            if (assignee is null || assignee.Disabled)
            {
                return ApiProblems.Unprocessable($"There is no active agent '{patch.Assignee}'. Use an agent id or e-mail address (GET /api/agents).");
            }

            if (newLevel == SupportLevel.Third && assignee.Level != SupportLevel.Third)
            {
                return ApiProblems.Unprocessable($"{assignee.Name} works at level 2 and cannot be assigned a level-3 ticket.");
            }
        }

        var updated = await tickets.UpdateAsync(
            number,
            user.GetActor(),
            t =>
            {
                t.Status = status ?? t.Status;
                t.Priority = priority ?? t.Priority;
                t.Level = newLevel;
                if (patch.AssigneeGiven)
                {
                    t.AssigneeId = assignee?.AgentId;
                }
            },
            EntityTags.ExpectedVersion(http.Request),
            cancellationToken);
        if (status == TicketStatus.Resolved && ticket.Status != TicketStatus.Resolved)
        {
            // As in the console: the customer still chatting hears it, and the bot takes the conversation back.
            await conversations.TicketResolvedAsync(number, cancellationToken);
        }

        await notifier.PublishAsync(new AgentEvent(AgentEventKind.TicketChanged, number), cancellationToken);
        EntityTags.Set(http.Response, updated.ETag);
        return TypedResults.Ok(TicketJsonMapper.ToJson(updated, await AgentsByIdAsync(agents, cancellationToken)));
    }

    private static async Task<IResult> AddNoteAsync(
        string number,
        TextRequest note,
        TicketService tickets,
        IAgentNotifier notifier,
        IOptions<AgentOptions> options,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(note.Text))
        {
            return ApiProblems.BadRequest("A note needs text: {\"text\": \"…\"}.");
        }

        var max = options.Value.MaxNoteBytes;
        var size = Encoding.UTF8.GetByteCount(note.Text);
        if (size > max)
        {
            return ApiProblems.TooLarge($"The note has {size} bytes; at most {max} bytes are allowed. Attach long logs as files instead.");
        }

        var ticket = await tickets.FindAsync(number, cancellationToken);
        if (ticket is null)
        {
            return ApiProblems.NotFound(number);
        }

        if (!user.MayWorkAt(ticket.Level))
        {
            return ApiProblems.Forbidden($"Ticket {number} is at level 3; only level-3 agents and admins may add notes.");
        }

        var saved = await tickets.AddNoteAsync(number, user.GetActor(), note.Text, cancellationToken);
        await notifier.PublishAsync(new AgentEvent(AgentEventKind.TicketChanged, number), cancellationToken);
        return TypedResults.Created($"/api/tickets/{Uri.EscapeDataString(number)}", TicketJsonMapper.ToJson(saved));
    }

    private static async Task<IResult> ReplyAsync(
        string number,
        TextRequest reply,
        TicketService tickets,
        TicketReplies replies,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reply.Text))
        {
            return ApiProblems.BadRequest("A reply needs text: {\"text\": \"…\"}.");
        }

        var ticket = await tickets.FindAsync(number, cancellationToken);
        if (ticket is null)
        {
            return ApiProblems.NotFound(number);
        }

        if (!user.MayWorkAt(ticket.Level))
        {
            return ApiProblems.Forbidden($"Ticket {number} is at level 3; only level-3 agents and admins may answer it.");
        }

        var outcome = await replies.ReplyAsync(number, user.ToAgentIdentity(), user.GetActor(), reply.Text, cancellationToken);
        var body = new ReplyResultJson(TicketJsonMapper.ToJson(outcome.Reply), outcome.Delivered, outcome.Message);

        // 202: accepted and kept, not yet delivered.
        return outcome.Delivered
            ? TypedResults.Created($"/api/tickets/{Uri.EscapeDataString(number)}", body)
            : TypedResults.Accepted($"/api/tickets/{Uri.EscapeDataString(number)}", body);
    }

    private static async Task<string?> ResolveAssigneeFilterAsync(AgentDirectory agents, string? assignee, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(assignee) || assignee.Trim() == TicketFilter.Unassigned)
        {
            return assignee?.Trim();
        }

        // An e-mail address is looked up; an unknown one matches nothing rather than everything.
        var agent = await agents.FindAsync(assignee.Trim(), cancellationToken);
        return agent?.AgentId ?? assignee.Trim();
    }

    private static async Task<IReadOnlyDictionary<string, AgentAccount>> AgentsByIdAsync(AgentDirectory agents, CancellationToken cancellationToken) =>
        (await agents.ListAsync(cancellationToken)).ToDictionary(a => a.AgentId, StringComparer.Ordinal);
}
