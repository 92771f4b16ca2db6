namespace FirstLine.Channels.Turns;

/// <summary>Runs middleware in registration order, each wrapping the ones after it and the bot.</summary>
public sealed class MiddlewareSet
{
    private readonly List<IMiddleware> middleware = [];

    public MiddlewareSet Use(IMiddleware layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        middleware.Add(layer);
        return this;
    }

    public Task ReceiveActivityWithStatusAsync(ITurnContext turnContext, BotCallbackHandler? callback, CancellationToken cancellationToken) =>
        RunAsync(turnContext, callback, 0, cancellationToken);

    private Task RunAsync(ITurnContext turnContext, BotCallbackHandler? callback, int index, CancellationToken cancellationToken)
    {
        if (index == middleware.Count)
        {
            return callback is null ? Task.CompletedTask : callback(turnContext, cancellationToken);
        }

        return middleware[index].OnTurnAsync(turnContext, ct => RunAsync(turnContext, callback, index + 1, ct), cancellationToken);
    }
}
