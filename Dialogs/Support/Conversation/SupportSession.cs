namespace FirstLine.Dialogs.Support.Conversation;

/// <summary>
/// What the bot remembers about a conversation across requests: its language, who the customer is and
/// the request in progress. Stored with the dialog stack (one document, one ETag). Only redacted text.
/// </summary>
public sealed class SupportSession
{
    /// <summary><c>de</c> or <c>en</c>.</summary>
    public string Language { get; set; } = "en";

    /// <summary>True once the language came from the client's locale, the first message, or the customer's wish.</summary>
    public bool LanguageKnown { get; set; }

    public bool Greeted { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    /// <summary>The answers offered with the last question, to tell an answer from a new problem.</summary>
    public List<string> OfferedAnswers { get; set; } = [];

    /// <summary>The request being worked on, or the last one.</summary>
    public SupportRequest? Request { get; set; }

    public bool HasOpenRequest => Request is { Status: RequestStatus.Open };
}

/// <summary>One support request: a ticket and what happened to it.</summary>
public sealed class SupportRequest
{
    public string TicketNumber { get; set; } = string.Empty;

    public RequestStatus Status { get; set; }

    /// <summary>Everything the customer wrote about the problem, redacted.</summary>
    public string Text { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    /// <summary>Why the customer seems very frustrated (sentiment, abuse), or null.</summary>
    public string? Frustration { get; set; }

    /// <summary>True once the customer was asked to describe the problem in other words.</summary>
    public bool Rephrased { get; set; }

    /// <summary>The article shown or walked through right now.</summary>
    public string? CurrentArticleId { get; set; }

    /// <summary>Titles and outcomes of what was tried, for the agent's summary.</summary>
    public List<string> Tried { get; set; } = [];
}

public enum RequestStatus
{
    Open,
    Resolved,
    HandedOff,
    Withdrawn,
}
