using FirstLine.Bot.Tickets;

namespace FirstLine.Bot.Agents;

/// <summary>Which tickets to list; every criterion given must match.</summary>
public sealed record TicketFilter
{
    /// <summary>Any of these statuses; empty means any status.</summary>
    public IReadOnlyList<TicketStatus> Statuses { get; init; } = [];

    public string? Queue { get; init; }

    public SupportLevel? Level { get; init; }

    public string? Language { get; init; }

    /// <summary>An agent id (<c>"7"</c>), or <see cref="Unassigned"/>.</summary>
    public string? Assignee { get; init; }

    /// <summary>Words in the number, subject, description or the requester's name or e-mail.</summary>
    public string? Text { get; init; }

    public const string Unassigned = "none";
}

/// <summary>One page of tickets and how many match in all.</summary>
public sealed record TicketPage(IReadOnlyList<TicketRow> Items, int Total, int Page, int PageSize);
