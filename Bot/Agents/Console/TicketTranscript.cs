using System.Text.Json;
using FirstLine.Bot.Tickets;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;

namespace FirstLine.Bot.Agents.Console;

/// <summary>Who said something in a ticket's conversation; notes are the agents' own, never sent.</summary>
public enum TranscriptSpeaker
{
    Customer,
    Bot,
    Agent,
    InternalNote,
}

/// <summary>
/// One line of the conversation as the agent sees it. <see cref="Text"/> is always shown as text, and so is
/// <see cref="OriginalText"/>: a mail's whole text with the quoted history and signature the bot's text leaves out.
/// </summary>
public sealed record TranscriptEntry(TranscriptSpeaker Speaker, string Author, string Text, DateTimeOffset At, IReadOnlyList<string> AttachmentNames)
{
    public string? OriginalText { get; init; }
}

/// <summary>Puts a ticket's conversation (from the transcript store) and its internal notes in one timeline.</summary>
public sealed class TicketTranscript(ITranscriptLogger transcripts)
{
    public async Task<IReadOnlyList<TranscriptEntry>> LoadAsync(TicketRow ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var activities = await transcripts.GetTranscriptAsync(ticket.Channel, ticket.ConversationId, cancellationToken);
        return Merge(activities, ticket.Notes);
    }

    public static IReadOnlyList<TranscriptEntry> Merge(IEnumerable<Activity> activities, IEnumerable<TicketNoteRow> notes)
    {
        var entries = activities.Where(a => a.IsType(ActivityTypes.Message)).Select(ToEntry)
            .Concat(notes.Select(n => new TranscriptEntry(TranscriptSpeaker.InternalNote, n.Author, n.Text, n.CreatedAt, [])));

        // A stable sort keeps the store's order for activities that share a timestamp.
        return [.. entries.Select((e, i) => (e, i)).OrderBy(x => x.e.At).ThenBy(x => x.i).Select(x => x.e)];
    }

    public static TranscriptSpeaker SpeakerOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);

        // Agent messages go out through the bot's channel with an "agent:" sender (AgentConversations).
        if (activity.From?.Id?.StartsWith("agent:", StringComparison.Ordinal) == true)
        {
            return TranscriptSpeaker.Agent;
        }

        // Channels mark the customer's messages as role "user"; the bot's replies may carry no sender at all.
        return activity.From?.Role == RoleTypes.User ? TranscriptSpeaker.Customer : TranscriptSpeaker.Bot;
    }

    private static TranscriptEntry ToEntry(Activity activity)
    {
        var speaker = SpeakerOf(activity);
        var author = activity.From?.Name ?? activity.From?.Id ?? speaker.ToString();
        var attachments = activity.Attachments?.Select(a => a.Name ?? a.ContentType ?? "attachment").ToList() ?? [];
        return new TranscriptEntry(speaker, author, activity.Text ?? string.Empty, activity.Timestamp ?? DateTimeOffset.MinValue, attachments)
        {
            OriginalText = OriginalOf(activity),
        };
    }

    /// <summary>
    /// A mail's whole text (<c>channelData.fullText</c>) when it says more than the new part; never its HTML, which
    /// stays in the store unshown (see Channels/Email/README.md, "What an agent sees of a mail").
    /// </summary>
    private static string? OriginalOf(Activity activity)
    {
        if (activity.ChannelData is not JsonElement { ValueKind: JsonValueKind.Object } data
            || !data.TryGetProperty("fullText", out var full)
            || full.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = full.GetString()!.Trim();
        return text.Length > 0 && text != (activity.Text ?? string.Empty).Trim() ? text : null;
    }
}
