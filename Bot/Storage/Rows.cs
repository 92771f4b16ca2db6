namespace FirstLine.Bot.Storage;

/// <summary>A Direct Line conversation.</summary>
public sealed class DirectLineConversationRow
{
    public required string Id { get; set; }

    public required string UserId { get; set; }

    public string? UserName { get; set; }

    public string? Locale { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>The sequence number the next activity of the log gets; taking it locks the row, so writers queue.</summary>
    public long NextSequence { get; set; }
}

/// <summary>One entry of a conversation's Direct Line log; (ConversationId, Sequence) is unique.</summary>
public sealed class DirectLineActivityRow
{
    public required string ConversationId { get; set; }

    public long Sequence { get; set; }

    public required string ActivityId { get; set; }

    public required string Type { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    public required string Json { get; set; }
}

/// <summary>A file uploaded into a conversation.</summary>
public sealed class AttachmentRow
{
    public required string Id { get; set; }

    public required string ConversationId { get; set; }

    public required string ContentType { get; set; }

    public string? Name { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A typed state document (conversation state, dialog stack …) guarded by its ETag.</summary>
public sealed class StateRow
{
    public required string Key { get; set; }

    public required string Type { get; set; }

    public required string Json { get; set; }

    public required string ETag { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One activity of a conversation transcript, on any channel.</summary>
public sealed class TranscriptRow
{
    public long Id { get; set; }

    public required string ChannelId { get; set; }

    public required string ConversationId { get; set; }

    public string? ActivityId { get; set; }

    public required string Type { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    public required string Json { get; set; }
}
