using FirstLine.Channels.Schema;
using FirstLine.KnowledgeBase.Language;

namespace FirstLine.Dialogs.Support.Desk;

/// <summary>What the first message of a request says, for a new ticket.</summary>
/// <param name="Conversation">where the request came from, so agents can answer on the same channel</param>
/// <param name="Customer">who asks</param>
/// <param name="Subject">a short line for queues and email subjects (redacted)</param>
/// <param name="Description">the customer's words with personal data and secrets replaced by placeholders</param>
/// <param name="Sentiment">the customer's mood in the first message</param>
/// <param name="KeyPhrases">the main talking points (found after redaction)</param>
public sealed record TicketRequest(
    ConversationReference Conversation,
    CustomerInfo Customer,
    string Subject,
    string Description,
    SentimentLabel Sentiment,
    IReadOnlyList<string> KeyPhrases);

/// <summary>The customer as far as the conversation knows them.</summary>
/// <param name="ChannelId">e.g. <c>directline</c>, <c>webchat</c>, <c>email</c></param>
/// <param name="ChannelUserId">the customer's id on that channel (for email: the address)</param>
/// <param name="Language"><c>de</c> or <c>en</c></param>
/// <param name="Name">null while unknown (Web Chat users are anonymous)</param>
/// <param name="Email">null while unknown</param>
public sealed record CustomerInfo(string ChannelId, string ChannelUserId, string Language, string? Name, string? Email);

/// <summary>The ticket the desk opened.</summary>
/// <param name="Number">the number the customer is told, e.g. <c>FL-000123</c></param>
public sealed record OpenedTicket(string Number);

/// <summary>Contact details given during the conversation; null parts are unchanged.</summary>
public sealed record ContactDetails(string? Name, string? Email);
