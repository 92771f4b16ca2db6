namespace FirstLine.Bot.Tickets;

/// <summary>A customer: who a ticket is for.</summary>
public sealed class CustomerRow
{
    public long Id { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Language { get; set; }

    /// <summary>The customer's id on their channel (Direct Line user id, email address …).</summary>
    public required string ChannelUserId { get; set; }

    public required string Channel { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When name, e-mail address and channel id were erased (retention or the customer's request).</summary>
    public DateTimeOffset? ErasedAt { get; set; }
}

/// <summary>A support ticket.</summary>
public sealed class TicketRow
{
    public long Id { get; set; }

    /// <summary>Short and human, shown to customers: FL-00042.</summary>
    public required string Number { get; set; }

    public long CustomerId { get; set; }

    public CustomerRow? Customer { get; set; }

    public required string Channel { get; set; }

    public required string ConversationId { get; set; }

    /// <summary>Serialized ConversationReference, to reach the customer on their channel later.</summary>
    public string? ConversationReferenceJson { get; set; }

    public required string Subject { get; set; }

    public required string Description { get; set; }

    public string? Category { get; set; }

    public string? Queue { get; set; }

    public SupportLevel Level { get; set; } = SupportLevel.Bot;

    public TicketStatus Status { get; set; } = TicketStatus.New;

    public TicketPriority Priority { get; set; } = TicketPriority.P4;

    /// <summary>Why this priority (impact, urgency, signals), as JSON data shown to agents.</summary>
    public string? PriorityRationaleJson { get; set; }

    public string? Language { get; set; }

    public string? Sentiment { get; set; }

    public string? KeyPhrasesJson { get; set; }

    /// <summary>What the bot tried: articles, flow steps and answers, as JSON.</summary>
    public string? BotAttemptsJson { get; set; }

    /// <summary>The bot's summary for the agent.</summary>
    public string? Summary { get; set; }

    public string? AssigneeId { get; set; }

    public string? ResolutionArticleId { get; set; }

    public bool ResolvedAtFirstContact { get; set; }

    public int? SatisfactionRating { get; set; }

    public string? SatisfactionComment { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FirstResponseDueAt { get; set; }

    public DateTimeOffset? ResolutionDueAt { get; set; }

    public DateTimeOffset? FirstRespondedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>When the SLA clocks started: creation, or the last reopening (null on tickets older than the clocks: <see cref="CreatedAt"/>).</summary>
    public DateTimeOffset? SlaStartedAt { get; set; }

    /// <summary>Since when the clocks stand still because the ticket is Pending on the customer.</summary>
    public DateTimeOffset? SlaPausedSince { get; set; }

    /// <summary>Business time the clocks stood still in earlier Pending spells; the due times are this much later.</summary>
    public TimeSpan SlaPausedFor { get; set; }

    public DateTimeOffset? FirstResponseWarnedAt { get; set; }

    public DateTimeOffset? ResolutionWarnedAt { get; set; }

    /// <summary>When the SLA watch found the first-response target missed (handled once).</summary>
    public DateTimeOffset? FirstResponseBreachedAt { get; set; }

    /// <summary>When the SLA watch found the resolution target missed (handled once).</summary>
    public DateTimeOffset? ResolutionBreachedAt { get; set; }

    /// <summary>When the customer of this Pending ticket was reminded (once per Pending spell).</summary>
    public DateTimeOffset? PendingReminderSentAt { get; set; }

    /// <summary>When the customer waiting in vain for an agent was offered an answer by email.</summary>
    public DateTimeOffset? EmailFollowUpOfferedAt { get; set; }

    /// <summary>When the personal fields were erased; the statistics (number, dates, priority, status, rating …) stay.</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    /// <summary>Optimistic concurrency: a change names the version it read.</summary>
    public required string ETag { get; set; }

    public List<TicketNoteRow> Notes { get; set; } = [];

    public List<TicketAuditRow> Audit { get; set; } = [];
}

/// <summary>An internal note, never shown to the customer.</summary>
public sealed class TicketNoteRow
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    public required string Author { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One entry of a ticket's audit trail: who changed what, when.</summary>
public sealed class TicketAuditRow
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public string? Field { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    public DateTimeOffset At { get; set; }
}
