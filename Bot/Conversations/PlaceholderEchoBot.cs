using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;

namespace FirstLine.Bot.Conversations;

/// <summary>
/// A placeholder until the support dialogs land: greets in the conversation's language and echoes.
/// Deliberately trivial — it exists so the channels can be proven end to end.
/// </summary>
public sealed class PlaceholderEchoBot : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var german = BotLanguage.IsGerman(activity.Locale);
        if (activity.IsType(ActivityTypes.ConversationUpdate)
            && activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true)
        {
            await turnContext.SendActivityAsync(
                german
                    ? "Hallo! Ich bin der virtuelle Assistent von FirstLine. Ein Mensch aus dem Support ist auch für Sie da."
                    : "Hello! I am FirstLine's virtual assistant. A human from our support team is available too.",
                cancellationToken: cancellationToken);
        }
        else if (activity.IsType(ActivityTypes.Message))
        {
            var text = activity.Text ?? string.Empty;
            var files = activity.Attachments?.Count ?? 0;
            var reply = german ? $"Sie sagten: {text}" : $"You said: {text}";
            if (files > 0)
            {
                reply += german ? $" ({files} Datei(en) erhalten)" : $" ({files} file(s) received)";
            }

            await turnContext.SendActivityAsync(reply, cancellationToken: cancellationToken);
        }
    }
}
