namespace FirstLine.Bot.Commands.Eval.Mime;

/// <summary>What the pipeline made of one mail.</summary>
internal enum MailOutcomeKind
{
    /// <summary>Processed into a ticket (a new one, or the thread's).</summary>
    Ticket,

    /// <summary>Processed without a turn: loop protection (auto-reply, list mail, bounce …).</summary>
    NotAnswered,

    /// <summary>Unreadable: the poller would move it to the <c>Failed</c> folder, the reason on record.</summary>
    Failed,

    /// <summary>Its Message-ID (or content hash) was handled before in this run; nothing happened.</summary>
    Duplicate,

    /// <summary>Not done within the per-mail time limit.</summary>
    TimedOut,

    /// <summary>The pipeline threw instead of deciding: a bug.</summary>
    Error,
}

/// <param name="Mail">file (and mbox part) name</param>
/// <param name="Reason">why it failed or was not answered (also a ticket mail that got no automatic answer), or the exception</param>
/// <param name="Elapsed">time the pipeline took</param>
internal sealed record MailOutcome(string Mail, MailOutcomeKind Kind, string? Reason, string? TicketNumber, TimeSpan Elapsed)
{
    /// <summary>The pipeline did not decide: it threw or hung.</summary>
    public bool IsProblem => Kind is MailOutcomeKind.TimedOut or MailOutcomeKind.Error;
}
