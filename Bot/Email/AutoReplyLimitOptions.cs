namespace FirstLine.Bot.Email;

/// <summary>The <c>Email:AutoReplyLimit</c> section: how many automatic answers one sender may get (RFC 3834 §2).</summary>
public sealed class AutoReplyLimitOptions
{
    public const string SectionName = "Email:AutoReplyLimit";

    /// <summary>
    /// Automatic answers per sender address in any hour, over all mailboxes (1–1000, default 5). A mail beyond it is
    /// still taken onto a ticket, with a note for the agents, but the bot does not answer it.
    /// </summary>
    public int PerSenderPerHour { get; set; } = 5;
}
