using MimeKit;

namespace FirstLine.Channels.Email;

/// <summary>A mail as the channel understood it: the activity for the bot plus what threading and de-duplication need.</summary>
public sealed class IncomingEmail
{
    public required MimeMessage Message { get; init; }

    /// <summary>The message activity (channel <c>email</c>); its conversation is the thread's default, the host may re-thread it.</summary>
    public required Activity Activity { get; init; }

    /// <summary>Message-ID, or <c>sha256:…</c> of the raw mail when it has none.</summary>
    public required string MessageKey { get; init; }

    /// <summary>The Message-IDs this mail answers, newest first.</summary>
    public required IReadOnlyList<string> ReferencedIds { get; init; }

    /// <summary>The sender's address (lower case), the customer.</summary>
    public required string SenderAddress { get; init; }

    /// <summary>Where an answer goes: Reply-To when given, else the sender.</summary>
    public required MailboxAddress ReplyTo { get; init; }

    public required string Subject { get; init; }

    /// <summary>Why this mail must get no automatic answer (RFC 3834), or null.</summary>
    public string? NoAnswerReason { get; init; }

    /// <summary>The files taken over, within the limits; the rest is listed in the channel data.</summary>
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    public EmailChannelData ChannelData => (EmailChannelData)Activity.ChannelData!;
}
