namespace FirstLine.Channels.Email;

/// <summary>
/// The <c>channelData</c> of an email activity: the full original for agents (the activity's text is only
/// the new part) and the headers threading needs.
/// </summary>
public sealed class EmailChannelData
{
    /// <summary>
    /// How many To and Cc addresses are kept each: enough to see who was involved, while a mail to thousands does not
    /// carry them into every transcript. Answers go to the sender only, never to these.
    /// </summary>
    public const int MaxListedRecipients = 20;

    public required string MessageId { get; init; }

    public string? InReplyTo { get; init; }

    public IReadOnlyList<string> References { get; init; } = [];

    public required string Subject { get; init; }

    /// <summary>At most <see cref="MaxListedRecipients"/> of the To addresses (a mail may name thousands).</summary>
    public IReadOnlyList<string> To { get; init; } = [];

    /// <summary>At most <see cref="MaxListedRecipients"/> of the Cc addresses.</summary>
    public IReadOnlyList<string> Cc { get; init; } = [];

    /// <summary>How many addresses To and Cc named in all, also those not listed.</summary>
    public int RecipientCount { get; init; }

    public DateTimeOffset? Date { get; init; }

    /// <summary>The whole text as the customer's client sent it, with quoted history and signature.</summary>
    public required string FullText { get; init; }

    /// <summary>The HTML body as received (unsanitized: sanitize before showing it to anyone).</summary>
    public string? Html { get; init; }

    /// <summary>True when the body came out of an Outlook winmail.dat (TNEF) part.</summary>
    public bool FromTnef { get; init; }

    public IReadOnlyList<SkippedAttachment> SkippedAttachments { get; init; } = [];

    /// <summary>The mailbox (support address) the mail arrived in.</summary>
    public required string Mailbox { get; init; }
}
