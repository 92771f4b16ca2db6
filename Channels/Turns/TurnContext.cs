namespace FirstLine.Channels.Turns;

/// <summary>The turn context an adapter creates for each incoming activity.</summary>
public sealed class TurnContext : ITurnContext
{
    private readonly List<SendActivitiesHandler> sendHandlers = [];

    public TurnContext(BotAdapter adapter, Activity activity)
    {
        Adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        Activity = activity ?? throw new ArgumentNullException(nameof(activity));
    }

    public BotAdapter Adapter { get; }

    public Activity Activity { get; }

    public TurnContextStateCollection TurnState { get; } = new();

    public bool Responded { get; private set; }

    public Task<ResourceResponse> SendActivityAsync(string text, string? inputHint = null, CancellationToken cancellationToken = default)
    {
        var reply = Activity.CreateMessageActivity(text);
        reply.InputHint = inputHint ?? InputHints.AcceptingInput;
        return SendActivityAsync(reply, cancellationToken);
    }

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var responses = await SendActivitiesAsync([activity], cancellationToken).ConfigureAwait(false);
        return responses.Length > 0 ? responses[0] : new ResourceResponse(string.Empty);
    }

    public async Task<ResourceResponse[]> SendActivitiesAsync(IEnumerable<Activity> activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var reference = Activity.GetConversationReference();
        var outgoing = activities.Select(a =>
        {
            a.ApplyConversationReference(reference);
            a.From = a.From is null ? null : new ChannelAccount(a.From.Id!, a.From.Name, a.From.Role ?? RoleTypes.Bot);
            return a;
        }).ToList();
        if (outgoing.Count == 0)
        {
            return [];
        }

        var responses = await RunSendHandlersAsync(outgoing, 0, cancellationToken).ConfigureAwait(false);
        if (outgoing.Any(a => !a.IsType(ActivityTypes.Trace)))
        {
            Responded = true;
        }

        return responses;
    }

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        sendHandlers.Add(handler);
        return this;
    }

    private Task<ResourceResponse[]> RunSendHandlersAsync(List<Activity> activities, int index, CancellationToken cancellationToken)
    {
        if (index == sendHandlers.Count)
        {
            return Adapter.SendActivitiesAsync(this, activities, cancellationToken);
        }

        return sendHandlers[index](this, activities, () => RunSendHandlersAsync(activities, index + 1, cancellationToken));
    }
}
