namespace FirstLine.Channels.Turns;

/// <summary>Everything the bot knows and can do during one turn of a conversation.</summary>
public interface ITurnContext
{
    BotAdapter Adapter { get; }

    /// <summary>The activity that started this turn.</summary>
    Activity Activity { get; }

    /// <summary>Values shared by middleware and bot for the duration of the turn only.</summary>
    TurnContextStateCollection TurnState { get; }

    /// <summary>True once the bot has sent something other than a trace in this turn.</summary>
    bool Responded { get; }

    Task<ResourceResponse> SendActivityAsync(string text, string? inputHint = null, CancellationToken cancellationToken = default);

    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse[]> SendActivitiesAsync(IEnumerable<Activity> activities, CancellationToken cancellationToken = default);

    /// <summary>Registers a hook that runs for every batch of outgoing activities of this turn.</summary>
    ITurnContext OnSendActivities(SendActivitiesHandler handler);
}
