namespace FirstLine.Bot.Handoff;

/// <summary>Who answers the customer: the bot, the queue (waiting for an agent) or one agent.</summary>
public enum ConversationOwner
{
    Bot,
    Queue,
    Agent,
}

/// <summary>Who owns a conversation now, and for which ticket.</summary>
public sealed class ConversationOwnerRow
{
    public required string Channel { get; set; }

    public required string ConversationId { get; set; }

    public ConversationOwner Owner { get; set; }

    public string? AgentId { get; set; }

    public string? AgentName { get; set; }

    public string? TicketNumber { get; set; }

    /// <summary>The customer's address on their channel (serialized ConversationReference).</summary>
    public required string ConversationReferenceJson { get; set; }

    public string? Locale { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
