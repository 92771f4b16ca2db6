using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;

namespace FirstLine.Dialogs.Tests.Harness;

/// <summary>
/// A channel in memory: builds the customer's activities for one conversation and keeps everything the bot
/// sends, in order. A new adapter with the same <see cref="ConversationReference"/> is a restarted server.
/// </summary>
public sealed class TestAdapter : BotAdapter
{
    private readonly List<Activity> sent = [];
    private readonly Lock sync = new();
    private int nextId;

    public TestAdapter(string channelId = "test", string? conversationId = null, string? locale = null)
        : this(new ConversationReference
        {
            ChannelId = channelId,
            ServiceUrl = "https://test.invalid/",
            Conversation = new ConversationAccount(conversationId ?? $"conversation-{Guid.NewGuid():N}"),
            User = new ChannelAccount("user-1", "Kundin", RoleTypes.User),
            Bot = new ChannelAccount("bot", "FirstLine", RoleTypes.Bot),
            Locale = locale,
        })
    {
    }

    public TestAdapter(ConversationReference conversation)
        : base(new ConversationTurnGate()) => Conversation = conversation ?? throw new ArgumentNullException(nameof(conversation));

    public ConversationReference Conversation { get; }

    /// <summary>The locale the customer's client reports; applied to every activity created afterwards.</summary>
    public string? Locale { get; set; }

    /// <summary>A fresh adapter for the same conversation: what the bot sees after a restart of the server.</summary>
    public TestAdapter Restart() => new(Conversation) { Locale = Locale };

    public Activity MakeMessage(string? text) => Stamp(Activity.CreateMessageActivity(text));

    public Activity MakeConversationUpdate()
    {
        var update = Stamp(Activity.CreateConversationUpdateActivity());
        update.MembersAdded = [Conversation.User!, Conversation.Bot!];
        return update;
    }

    /// <summary>Takes everything the bot has sent since the last call.</summary>
    public IReadOnlyList<Activity> TakeReplies()
    {
        lock (sync)
        {
            var replies = sent.ToList();
            sent.Clear();
            return replies;
        }
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        lock (sync)
        {
            var responses = new List<ResourceResponse>();
            foreach (var activity in activities)
            {
                // Keep a copy as the channel would: the sender may reuse its object.
                var copy = BotJson.Deserialize<Activity>(BotJson.Serialize(activity))!;
                copy.Id ??= $"bot-{Interlocked.Increment(ref nextId)}";
                sent.Add(copy);
                responses.Add(new ResourceResponse(copy.Id));
            }

            return Task.FromResult(responses.ToArray());
        }
    }

    private Activity Stamp(Activity activity)
    {
        activity.ApplyConversationReference(Conversation, isIncoming: true);
        activity.Id = $"user-{Interlocked.Increment(ref nextId)}";
        activity.Locale = Locale ?? Conversation.Locale;
        activity.Timestamp = DateTimeOffset.UtcNow;
        return activity;
    }
}
