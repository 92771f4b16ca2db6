namespace FirstLine.Bot.Privacy;

/// <summary>How many records a purge or an erasure deleted or anonymised, per store.</summary>
public sealed record ErasedCounts
{
    public static ErasedCounts None { get; } = new();

    /// <summary>Customer records anonymised (name, e-mail address and channel id removed).</summary>
    public int Customers { get; init; }

    /// <summary>Tickets anonymised; their statistics stay.</summary>
    public int Tickets { get; init; }

    public int TicketNotes { get; init; }

    public int TicketReplies { get; init; }

    /// <summary>Files customers sent for their tickets (e.g. mail attachments), deleted with their bytes.</summary>
    public int TicketAttachments { get; init; }

    /// <summary>Conversations whose content was deleted from every store below.</summary>
    public int Conversations { get; init; }

    public int TranscriptActivities { get; init; }

    public int DirectLineConversations { get; init; }

    public int DirectLineActivities { get; init; }

    public int Attachments { get; init; }

    public int ConversationStates { get; init; }

    public int ConversationOwners { get; init; }

    /// <summary>Records of handled mails with sender and subject removed (the Message-ID stays for de-duplication).</summary>
    public int EmailRecords { get; init; }

    public int OutboxMails { get; init; }

    public int SentMessageIds { get; init; }

    public int Total =>
        Customers + Tickets + TicketNotes + TicketReplies + TicketAttachments + TranscriptActivities + DirectLineConversations + DirectLineActivities
        + Attachments + ConversationStates + ConversationOwners + EmailRecords + OutboxMails + SentMessageIds;

    public static ErasedCounts operator +(ErasedCounts left, ErasedCounts right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new ErasedCounts
        {
            Customers = left.Customers + right.Customers,
            Tickets = left.Tickets + right.Tickets,
            TicketNotes = left.TicketNotes + right.TicketNotes,
            TicketReplies = left.TicketReplies + right.TicketReplies,
            TicketAttachments = left.TicketAttachments + right.TicketAttachments,
            Conversations = left.Conversations + right.Conversations,
            TranscriptActivities = left.TranscriptActivities + right.TranscriptActivities,
            DirectLineConversations = left.DirectLineConversations + right.DirectLineConversations,
            DirectLineActivities = left.DirectLineActivities + right.DirectLineActivities,
            Attachments = left.Attachments + right.Attachments,
            ConversationStates = left.ConversationStates + right.ConversationStates,
            ConversationOwners = left.ConversationOwners + right.ConversationOwners,
            EmailRecords = left.EmailRecords + right.EmailRecords,
            OutboxMails = left.OutboxMails + right.OutboxMails,
            SentMessageIds = left.SentMessageIds + right.SentMessageIds,
        };
    }

    public static ErasedCounts Add(ErasedCounts left, ErasedCounts right) => left + right;

    /// <summary>One line for logs and the command line, e.g. <c>2 tickets, 14 transcript activities</c>; only non-zero counts.</summary>
    public override string ToString()
    {
        (int Count, string Name)[] parts =
        [
            (Customers, "customers"), (Tickets, "tickets"), (TicketNotes, "notes"), (TicketReplies, "agent replies"), (TicketAttachments, "ticket attachments"),
            (Conversations, "conversations"), (TranscriptActivities, "transcript activities"), (DirectLineConversations, "Direct Line conversations"),
            (DirectLineActivities, "Direct Line activities"), (Attachments, "attachments"), (ConversationStates, "conversation states"),
            (ConversationOwners, "conversation owners"), (EmailRecords, "e-mail records"), (OutboxMails, "outbox mails"), (SentMessageIds, "sent Message-IDs"),
        ];
        var nonZero = parts.Where(p => p.Count > 0).Select(p => $"{p.Count} {p.Name}").ToList();
        return nonZero.Count == 0 ? "nothing" : string.Join(", ", nonZero);
    }
}
