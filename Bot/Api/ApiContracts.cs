using System.Text.Json;
using System.Text.Json.Serialization;

namespace FirstLine.Bot.Api;

/// <summary>
/// A ticket in lists. Statuses are New, Open, Pending, Resolved, Closed, Reopened; priorities P1-P4; levels 1 (bot), 2, 3.
/// SLA due times count business hours; while <c>slaPausedSince</c> is set (Pending on the customer) the clocks stand
/// still and the due times move out by the pause when it ends; <c>…BreachedAt</c> says when a target was missed.
/// </summary>
public sealed record TicketJson(
    string Number,
    string Status,
    string Priority,
    int Level,
    string Channel,
    string? Language,
    string Subject,
    RequesterJson Requester,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Queue,
    string? Category,
    AssigneeJson? Assignee,
    DateTimeOffset? FirstResponseDueAt,
    DateTimeOffset? ResolutionDueAt,
    DateTimeOffset? FirstRespondedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? SlaPausedSince,
    DateTimeOffset? FirstResponseBreachedAt,
    DateTimeOffset? ResolutionBreachedAt,
    string ETag);

public sealed record RequesterJson(string? Name, string? Email, string? Language);

public sealed record AssigneeJson(string Id, string? Name, string? Email);

public sealed record TicketListJson(IReadOnlyList<TicketJson> Items, int Total, int Page, int PageSize);

/// <summary>A ticket with everything about it. Texts are plain text exactly as written; never render them as markup.</summary>
public sealed record TicketDetailJson(
    TicketJson Ticket,
    string Description,
    string? Summary,
    JsonElement? PriorityRationale,
    JsonElement? BotAttempts,
    IReadOnlyList<string> KeyPhrases,
    string? Sentiment,
    ConversationJson? Conversation,
    IReadOnlyList<TranscriptEntryJson> Transcript,
    IReadOnlyList<NoteJson> Notes,
    IReadOnlyList<ReplyJson> Replies,
    IReadOnlyList<AuditJson> Audit);

/// <summary>Who answers the customer now: <c>Bot</c>, <c>Queue</c> or <c>Agent</c>.</summary>
public sealed record ConversationJson(string Owner, string? AgentId, string? AgentName);

/// <summary>One message; <c>author</c> is customer, bot or agent.</summary>
public sealed record TranscriptEntryJson(string? Id, DateTimeOffset? At, string Author, string? FromName, string? Text);

/// <summary>
/// A file on a ticket. <c>inline</c>: an image shown inside the mail's HTML (<c>contentId</c> is what its
/// <c>cid:</c> link names); <c>href</c>: where to download it (same API key).
/// </summary>
public sealed record AttachmentJson(long Id, string FileName, string ContentType, long Size, string Sha256, bool Inline, string? ContentId, DateTimeOffset ReceivedAt, string Href);

public sealed record NoteJson(long Id, string Author, string Text, DateTimeOffset CreatedAt);

/// <summary>An agent's reply; <c>status</c> is Pending (kept, will be retried), Sent or Undeliverable.</summary>
public sealed record ReplyJson(long Id, string Author, string Text, string Status, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset? NextAttemptAt);

public sealed record AuditJson(DateTimeOffset At, string Actor, string Action, string? Field, string? OldValue, string? NewValue);

public sealed record ReplyResultJson(ReplyJson Reply, bool Delivered, string Message);

public sealed record AgentJson(string Id, string Email, string Name, string Role, int Level, IReadOnlyList<string> Queues, bool Disabled, DateTimeOffset? LastSeenAt);

/// <summary>Text of a note or a reply.</summary>
public sealed record TextRequest(string? Text);

/// <summary>
/// A change to a ticket; only the fields present change (JSON merge patch). <c>assignee</c>: an agent id or
/// e-mail address, or null to unassign. Send the ticket's ETag in <c>If-Match</c> to avoid overwriting someone
/// else's change.
/// </summary>
public sealed class TicketPatchRequest
{
    private string? assignee;

    /// <summary>New, Open, Pending, Resolved, Closed or Reopened.</summary>
    public string? Status { get; set; }

    /// <summary>P1 to P4.</summary>
    public string? Priority { get; set; }

    /// <summary>1 (bot), 2 or 3.</summary>
    public int? Level { get; set; }

    public string? Assignee
    {
        get => assignee;
        set
        {
            // The serializer calls the setter for "assignee": null too, which is how "unassign" differs from "leave alone".
            assignee = value;
            AssigneeGiven = true;
        }
    }

    [JsonIgnore]
    public bool AssigneeGiven { get; private set; }
}
