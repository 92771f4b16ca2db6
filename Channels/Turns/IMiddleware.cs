namespace FirstLine.Channels.Turns;

/// <summary>One layer of the onion around the bot (transcripts, analysis, handoff routing …).</summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default);
}
