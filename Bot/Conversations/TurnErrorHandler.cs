using FirstLine.Channels.Turns;

namespace FirstLine.Bot.Conversations;

/// <summary>
/// The one place a failed turn ends: the error is logged with its stack, the customer gets an apology in
/// their language, and the conversation stays usable.
/// </summary>
public sealed partial class TurnErrorHandler(ILogger<TurnErrorHandler> logger)
{
    public async Task HandleAsync(ITurnContext turnContext, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        LogTurnFailed(exception, turnContext.Activity.Conversation?.Id, turnContext.Activity.Type);
        var apology = BotLanguage.IsGerman(turnContext.Activity.Locale)
            ? "Entschuldigung, da ist bei mir etwas schiefgelaufen. Bitte versuchen Sie es noch einmal."
            : "Sorry, something went wrong on my side. Please try again.";
        await turnContext.SendActivityAsync(apology);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed in conversation {ConversationId} ({ActivityType})")]
    private partial void LogTurnFailed(Exception exception, string? conversationId, string? activityType);
}
