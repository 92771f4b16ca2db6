using FirstLine.Bot.Conversations;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;

namespace FirstLine.Bot.Tests.Support;

/// <summary>
/// The bot of the channel tests: greets in the conversation's language and echoes, so a test of the
/// Direct Line protocol can predict every reply. The product runs the support dialogs instead.
/// </summary>
public sealed class EchoBot : IBot
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
