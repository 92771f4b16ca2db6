using MimeKit;

namespace FirstLine.Channels.Email;

/// <summary>What an answer needs to know about the mail it answers (or the thread it continues).</summary>
public sealed record EmailReplyContext(MailboxAddress To, string Subject)
{
    /// <summary>The Message-ID answered (In-Reply-To); null when the mail had none.</summary>
    public string? InReplyTo { get; init; }

    /// <summary>The thread so far, oldest first; the answered id is appended when missing.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    public string? Locale { get; init; }

    /// <summary>The customer's new text, quoted below the answer the way a person would.</summary>
    public string? QuotedText { get; init; }

    public string? QuotedFrom { get; init; }

    public DateTimeOffset? QuotedDate { get; init; }

    public static EmailReplyContext For(IncomingEmail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var messageId = mail.Message.MessageId;
        return new EmailReplyContext(mail.ReplyTo, mail.Subject)
        {
            InReplyTo = string.IsNullOrWhiteSpace(messageId) ? null : messageId.Trim(),
            References = [.. mail.Message.References],
            Locale = mail.Activity.Locale,
            QuotedText = mail.Activity.Text,
            QuotedFrom = mail.Activity.From?.Name ?? mail.SenderAddress,
            QuotedDate = mail.ChannelData.Date,
        };
    }
}
