namespace FirstLine.Bot.Email;

/// <summary>Where polling a mailbox stands: the inbox's UIDVALIDITY and the highest UID handled, plus its health.</summary>
public sealed class EmailMailboxStateRow
{
    public required string Mailbox { get; set; }

    public long UidValidity { get; set; }

    public long LastUid { get; set; }

    public DateTimeOffset? LastPolledAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? LastErrorAt { get; set; }
}

/// <summary>A mail that was handled (answered, ignored or failed): the de-duplication record, with the reason.</summary>
public sealed class EmailMessageRow
{
    public long Id { get; set; }

    public required string Mailbox { get; set; }

    /// <summary>Message-ID, or <c>sha256:…</c> of the raw mail when it has none.</summary>
    public required string MessageKey { get; set; }

    public string? ConversationId { get; set; }

    public string? TicketNumber { get; set; }

    public EmailOutcome Outcome { get; set; }

    /// <summary>Why it failed or was not answered.</summary>
    public string? Reason { get; set; }

    public string? Sender { get; set; }

    public string? Subject { get; set; }

    public long Uid { get; set; }

    public DateTimeOffset HandledAt { get; set; }
}

/// <summary>A Message-ID we sent, so that replies to it find their conversation and ticket.</summary>
public sealed class EmailSentMessageRow
{
    public required string MessageId { get; set; }

    public required string Mailbox { get; set; }

    public required string ConversationId { get; set; }

    public string? TicketNumber { get; set; }

    public required string Recipient { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A mail waiting to be sent (or sent): written with the turn's result, sent by SMTP afterwards, retried with back-off.</summary>
public sealed class EmailOutboxRow
{
    public long Id { get; set; }

    public required string Mailbox { get; set; }

    public required string MessageId { get; set; }

    public required string ConversationId { get; set; }

    public required string Recipient { get; set; }

    public required byte[] Mime { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public bool GaveUp { get; set; }

    public string? LastError { get; set; }
}

/// <summary>What became of a mail.</summary>
public enum EmailOutcome
{
    /// <summary>A turn ran; the answer (if any) is in the outbox.</summary>
    Processed,

    /// <summary>Deliberately not answered (auto-reply, list, bounce, our own mail); moved to Processed.</summary>
    Ignored,

    /// <summary>Could not be processed; moved to Failed, the reason is on record.</summary>
    Failed,
}
