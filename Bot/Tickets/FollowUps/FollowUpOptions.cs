namespace FirstLine.Bot.Tickets.FollowUps;

/// <summary>The <c>Tickets:FollowUps</c> section: when quiet customers are reminded, said goodbye to, or their tickets closed.</summary>
public sealed class FollowUpOptions
{
    public const string SectionName = "Tickets:FollowUps";

    /// <summary>A Pending ticket's customer who has not answered for this long is reminded.</summary>
    public TimeSpan PendingReminderAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>This long after the reminder without an answer, the Pending ticket is closed with a notice.</summary>
    public TimeSpan PendingCloseAfterReminder { get; set; } = TimeSpan.FromDays(4);

    /// <summary>A Resolved ticket closes this long after resolution unless the customer writes (then it is reopened).</summary>
    public TimeSpan ResolvedCloseAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A chat customer silent this long inside a conversation with the bot is said goodbye; the conversation starts afresh.</summary>
    public TimeSpan BotIdleGoodbyeAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A chat customer waiting this long in the queue without an agent is offered an answer by email (the ticket stays).</summary>
    public TimeSpan QueueWaitEmailOfferAfter { get; set; } = TimeSpan.FromMinutes(15);
}
