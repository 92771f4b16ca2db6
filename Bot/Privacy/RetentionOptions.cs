namespace FirstLine.Bot.Privacy;

/// <summary>
/// The <c>Retention</c> section: how long personal data is kept. Data of active tickets is never touched;
/// the clock of a conversation or ticket starts at its last activity.
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>False keeps everything (the purge does nothing); customers' export and erase requests still work.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Uploads are deleted this many days after they arrived, unless their conversation has an active ticket.</summary>
    public int AttachmentDays { get; set; } = 30;

    /// <summary>
    /// Transcripts, the Direct Line log, uploads, dialog state, conversation ownership and the e-mail records
    /// (outbox mails, senders, subjects) of a conversation idle this many days, without an active or recently changed ticket, are deleted.
    /// </summary>
    public int ConversationDays { get; set; } = 90;

    /// <summary>
    /// Resolved or closed tickets unchanged this many days are anonymised (requester, texts, notes, replies removed;
    /// statistics kept), and so are customers with no other ticket.
    /// </summary>
    public int TicketDays { get; set; } = 365;
}
