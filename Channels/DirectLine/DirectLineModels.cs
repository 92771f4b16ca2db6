using System.Text.Json.Serialization;

namespace FirstLine.Channels.DirectLine;

/// <summary>The Direct Line <c>Conversation</c> object returned by token and conversation calls.</summary>
public sealed record ConversationResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl = null);

/// <summary>A batch of activities plus the watermark a client sends back to continue from there.</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string? Watermark);

/// <summary>Optional body of <c>tokens/generate</c> and <c>conversations</c>.</summary>
public sealed class TokenParameters
{
    public ChannelAccount? User { get; set; }

    public IList<string>? TrustedOrigins { get; set; }

    public string? Locale { get; set; }
}

/// <summary>The documented Direct Line error body.</summary>
public sealed record ErrorResponse(ErrorDetail Error);

public sealed record ErrorDetail(string Code, string Message);

/// <summary>A Direct Line conversation as FirstLine keeps it.</summary>
public sealed record DirectLineConversation(
    string Id,
    string UserId,
    string? UserName,
    string? Locale,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt);

/// <summary>An activity in a conversation's log, with its position (the watermark it advances to).</summary>
public sealed record LoggedActivity(long? Sequence, Activity Activity);

/// <summary>A file a customer uploaded into a conversation.</summary>
public sealed record StoredAttachment(
    string Id,
    string ConversationId,
    string ContentType,
    string? Name,
    byte[] Content,
    DateTimeOffset CreatedAt);
