namespace FirstLine.Bot.Tickets;

/// <summary>What is known when a request arrives and becomes a ticket.</summary>
public sealed record NewTicket(
    string Channel,
    string ConversationId,
    string ChannelUserId,
    string Subject,
    string Description)
{
    public string? CustomerName { get; init; }

    public string? CustomerEmail { get; init; }

    public string? Language { get; init; }

    public string? Sentiment { get; init; }

    public IReadOnlyList<string>? KeyPhrases { get; init; }

    public string? ConversationReferenceJson { get; init; }
}
