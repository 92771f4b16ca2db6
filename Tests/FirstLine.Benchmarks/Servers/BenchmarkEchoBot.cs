using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;

namespace FirstLine.Benchmarks.Servers;

/// <summary>
/// A bot that costs nothing, so the benchmark measures the channel (Direct Line, storage, WebSocket push)
/// and not the support dialogs: it greets and echoes like the channel tests' echo bot.
/// </summary>
internal sealed class BenchmarkEchoBot : IBot
{
    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.IsType(ActivityTypes.ConversationUpdate))
        {
            return turnContext.SendActivityAsync("Hello! I am FirstLine's virtual assistant.", cancellationToken: cancellationToken);
        }

        return activity.IsType(ActivityTypes.Message)
            ? turnContext.SendActivityAsync($"You said: {activity.Text}", cancellationToken: cancellationToken)
            : Task.CompletedTask;
    }
}
