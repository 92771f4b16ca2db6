namespace FirstLine.Channels.Turns;

/// <summary>The bot's brain: called once per incoming activity, after the middleware.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}

/// <summary>The innermost step of a turn: the bot, or a callback of a proactive turn.</summary>
public delegate Task BotCallbackHandler(ITurnContext turnContext, CancellationToken cancellationToken);

/// <summary>Continues the middleware pipeline.</summary>
public delegate Task NextDelegate(CancellationToken cancellationToken);

/// <summary>Sees (and may change) outgoing activities before the adapter delivers them.</summary>
public delegate Task<ResourceResponse[]> SendActivitiesHandler(
    ITurnContext turnContext,
    List<Activity> activities,
    Func<Task<ResourceResponse[]>> next);
