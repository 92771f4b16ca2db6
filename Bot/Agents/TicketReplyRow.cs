namespace FirstLine.Bot.Agents;

/// <summary>
/// An agent's answer to a customer, kept on the ticket before it is sent, so a reply whose channel is
/// gone waits to be retried instead of being lost.
/// </summary>
public sealed class TicketReplyRow
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    public required string TicketNumber { get; set; }

    /// <summary>Who wrote it, as it appears on the audit trail (<c>agent:7</c>, <c>apikey:3</c>).</summary>
    public required string Actor { get; set; }

    public required string AuthorName { get; set; }

    public required string Text { get; set; }

    public ReplyStatus Status { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>The activity id on the customer's channel once sent.</summary>
    public string? ActivityId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }
}

public enum ReplyStatus
{
    /// <summary>Kept, not yet delivered; will be retried.</summary>
    Pending,

    /// <summary>Reached the customer's channel.</summary>
    Sent,

    /// <summary>Every retry failed; kept on the ticket for an agent to answer another way.</summary>
    Undeliverable,
}
