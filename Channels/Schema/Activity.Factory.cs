namespace FirstLine.Channels.Schema;

public sealed partial class Activity
{
    public static Activity CreateMessageActivity(string? text = null) => new(ActivityTypes.Message) { Text = text };

    public static Activity CreateTypingActivity() => new(ActivityTypes.Typing);

    public static Activity CreateEventActivity(string name, object? value = null) =>
        new(ActivityTypes.Event) { Name = name, Value = value };

    public static Activity CreateConversationUpdateActivity() => new(ActivityTypes.ConversationUpdate);

    /// <summary>A reply in the same conversation: sender and recipient swapped, replyToId set.</summary>
    public Activity CreateReply(string? text = null, string? locale = null) => new(ActivityTypes.Message)
    {
        Text = text,
        Locale = locale ?? Locale,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        From = Recipient is null ? null : new ChannelAccount(Recipient.Id!, Recipient.Name, RoleTypes.Bot),
        Recipient = From is null ? null : new ChannelAccount(From.Id!, From.Name, From.Role),
        ReplyToId = Id,
    };

    /// <summary>Where this activity came from, kept so the bot (or an agent) can write back later.</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Type == ActivityTypes.ConversationUpdate ? null : Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
    };

    /// <summary>
    /// Addresses this activity along <paramref name="reference"/>. Outgoing activities go from the bot to the
    /// user; incoming ones (for a proactive turn) from the user to the bot.
    /// </summary>
    public Activity ApplyConversationReference(ConversationReference reference, bool isIncoming = false)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ChannelId = reference.ChannelId;
        ServiceUrl = reference.ServiceUrl;
        Conversation = reference.Conversation;
        Locale ??= reference.Locale;
        if (isIncoming)
        {
            From = reference.User;
            Recipient = reference.Bot;
            Id ??= reference.ActivityId;
        }
        else
        {
            // An activity that already names its sender (e.g. a human agent writing through the bot) keeps it.
            From ??= reference.Bot;
            Recipient = reference.User;
            ReplyToId ??= reference.ActivityId;
        }

        return this;
    }

    public bool IsType(string type) => string.Equals(Type, type, StringComparison.Ordinal);
}
