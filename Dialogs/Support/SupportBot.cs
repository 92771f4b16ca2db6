using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;
using FirstLine.Dialogs.Engine;
using FirstLine.Dialogs.Support.Conversation;
using FirstLine.Dialogs.Support.Desk;
using FirstLine.Dialogs.Support.Texts;
using FirstLine.Dialogs.Support.Understanding;
using FirstLine.KnowledgeBase.Language;
using FirstLine.KnowledgeBase.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FirstLine.Dialogs.Support;

/// <summary>
/// The first-level support bot: one brain for every channel. Each message, the customer joining a chat, and a human
/// agent giving the conversation back (<c>handoff.status</c> "completed") run the support dialogs; their stack and
/// the session are stored per conversation with ETag concurrency.
/// </summary>
public sealed class SupportBot : IBot
{
    private readonly DialogSet dialogs;
    private readonly DialogRunner runner;

    public SupportBot(
        IKnowledgeBase knowledgeBase,
        ITextAnalyzer analyzer,
        ISupportDesk desk,
        IStorage storage,
        IOptions<SupportOptions> options,
        ILogger<DialogRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var services = new SupportServices(knowledgeBase, analyzer, desk, options.Value);
        dialogs = new DialogSet().Add(new SupportDialog(services));
        runner = new DialogRunner(storage, logger, new DialogRunnerOptions
        {
            StateResetMessage = locale => SupportTexts.For(locale).StateReset,
        });
    }

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var customerJoined = activity.IsType(ActivityTypes.ConversationUpdate)
                             && activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true;
        if (activity.IsType(ActivityTypes.Message) || customerJoined || AgentHandback.IsCompleted(activity, out _))
        {
            await runner.RunAsync(turnContext, dialogs, DialogIds.Support, cancellationToken);
        }
    }
}
