namespace FirstLine.Bot.Privacy;

/// <summary>
/// Everything stored about one customer, for a request under GDPR Art. 15/20. Internal notes are included
/// (they are personal data about the customer too): review them before handing the document over, they may
/// name third parties. Attachments are listed with their metadata; their content stays in the system.
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
    IReadOnlyList<ExportedReply> Replies);

public sealed record ExportedNote(string Author, string Text, DateTimeOffset CreatedAt);

/// <summary>An agent's answer kept on the ticket; <c>status</c> is Pending, Sent or Undeliverable.</summary>
public sealed record ExportedReply(string Author, string Text, string Status, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

public sealed record ExportedConversation(string Channel, string Id, IReadOnlyList<ExportedMessage> Messages, IReadOnlyList<ExportedAttachment> Attachments);

/// <summary>One message; <c>speaker</c> is customer, bot or agent.</summary>
public sealed record ExportedMessage(DateTimeOffset? At, string Speaker, string? Name, string? Text, IReadOnlyList<string> Attachments);

public sealed record ExportedAttachment(string Id, string? Name, string ContentType, long Bytes, DateTimeOffset CreatedAt);

/// <summary>What an erasure did: the tickets anonymised and the records per store.</summary>
public sealed record CustomerErasure(string Request, IReadOnlyList<string> Tickets, ErasedCounts Erased);
