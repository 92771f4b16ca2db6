namespace FirstLine.Bot.Tickets;

/// <summary>
/// A file a customer sent for a ticket (today: with a mail). The bytes live in the database, so every node of a
/// cluster serves them and a backup holds them; lists never load <see cref="Content"/>.
/// </summary>
public sealed class TicketAttachmentRow
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    /// <summary>A safe name (no path, no control or reserved characters), as offered for download.</summary>
    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Bytes { get; set; }

    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hex.</summary>
    public required string Sha256 { get; set; }

    /// <summary>An image shown inside the mail's HTML (referenced by <c>cid:</c>), not a file beside it.</summary>
    public bool Inline { get; set; }

    /// <summary>The Content-ID the HTML refers to, without angle brackets.</summary>
    public string? ContentId { get; set; }

    /// <summary>The Message-ID (or <c>sha256:</c> key) of the mail the file came with.</summary>
    public string? SourceMessageId { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
