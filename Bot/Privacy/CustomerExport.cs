namespace FirstLine.Bot.Privacy;

/// <summary>
/// Everything stored about one customer, for a request under GDPR Art. 15/20. Internal notes are included
/// (they are personal data about the customer too): review them before handing the document over, they may
/// name third parties. Files are listed with their metadata and SHA-256, not embedded: one export may hold many
/// mails of up to 25 MB each, so the bytes go beside the document (<see cref="CustomerFiles"/>, <c>customer export
/// --files DIR</c>) or come one by one from <c>GET /api/tickets/{number}/attachments/{id}</c>.
/// </summary>
/// <param name="Request">the e-mail address or ticket number the request named</param>
/// <param name="Customers">every customer record found: one per channel the customer used</param>
/// <param name="Tickets">their tickets, oldest first</param>
/// <param name="Conversations">their conversations with every message, on every channel</param>
public sealed record CustomerExport(
    DateTimeOffset ExportedAt,
    string Request,
    IReadOnlyList<ExportedCustomer> Customers,
    IReadOnlyList<ExportedTicket> Tickets,
    IReadOnlyList<ExportedConversation> Conversations);

public sealed record ExportedCustomer(string Channel, string ChannelUserId, string? Name, string? Email, string? Language, DateTimeOffset CreatedAt, DateTimeOffset? ErasedAt);

/// <param name="Conversation">the conversation's <c>channel/id</c>, as in <see cref="CustomerExport.Conversations"/></param>
public sealed record ExportedTicket(
    string Number,
    string Status,
    string Priority,
    int Level,
    string Channel,
    string Conversation,
    string? Language,
    string? Category,
    string Subject,
    string Description,
    string? Summary,
    int? SatisfactionRating,
    string? SatisfactionComment,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? ErasedAt,
    IReadOnlyList<ExportedNote> InternalNotes,
    IReadOnlyList<ExportedReply> Replies,
    IReadOnlyList<ExportedTicketFile> Attachments);

/// <summary>
/// A file that came with the customer's mail (<c>inline</c>: an image inside its HTML, named by <c>contentId</c>).
/// <c>file</c> is where <c>customer export --files DIR</c> writes it, relative to DIR.
/// </summary>
public sealed record ExportedTicketFile(long Id, string FileName, string ContentType, long Bytes, string Sha256, bool Inline, string? ContentId, DateTimeOffset ReceivedAt, string File);

public sealed record ExportedNote(string Author, string Text, DateTimeOffset CreatedAt);

/// <summary>An agent's answer kept on the ticket; <c>status</c> is Pending, Sent or Undeliverable.</summary>
public sealed record ExportedReply(string Author, string Text, string Status, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

public sealed record ExportedConversation(string Channel, string Id, IReadOnlyList<ExportedMessage> Messages, IReadOnlyList<ExportedAttachment> Attachments);

/// <summary>One message; <c>speaker</c> is customer, bot or agent.</summary>
public sealed record ExportedMessage(DateTimeOffset? At, string Speaker, string? Name, string? Text, IReadOnlyList<string> Attachments);

public sealed record ExportedAttachment(string Id, string? Name, string ContentType, long Bytes, DateTimeOffset CreatedAt);

/// <summary>What an erasure did: the tickets anonymised and the records per store.</summary>
public sealed record CustomerErasure(string Request, IReadOnlyList<string> Tickets, ErasedCounts Erased);
