using FirstLine.Bot.Conversations;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;

namespace FirstLine.Bot.Handoff;

/// <summary>
/// While a human owns a conversation the bot stays silent: the customer's messages go to the ticket and
/// the agents (the transcript middleware before this one has already kept them), not to the dialogs.
/// </summary>
public sealed class HandoffRoutingMiddleware(ConversationOwnership ownership, IAgentNotifier agents) : Channels.Turns.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (!IsFromCustomer(activity))
        {
            await next(cancellationToken);
            return;
        }

        var owner = await ownership.FindAsync(activity.ChannelId!, activity.Conversation!.Id!, cancellationToken);
        if (owner is null || owner.Owner == ConversationOwner.Bot)
        {
            await next(cancellationToken);
            return;
        }

        var kind = activity.IsType(ActivityTypes.Typing) ? AgentEventKind.CustomerTyping : AgentEventKind.CustomerMessage;
        await agents.PublishAsync(new AgentEvent(kind, owner.TicketNumber!, activity), cancellationToken);
        if (owner.Owner == ConversationOwner.Queue && activity.IsType(ActivityTypes.Message))
        {
            await turnContext.SendActivityAsync(
                BotLanguage.IsGerman(owner.Locale ?? activity.Locale)
                    ? $"Danke, ich habe das zu Ihrem Ticket {owner.TicketNumber} hinzugefügt. Ein Mitarbeiter meldet sich bei Ihnen."
                    : $"Thank you, I added this to your ticket {owner.TicketNumber}. A member of our team will get back to you.",
                cancellationToken: cancellationToken);
        }
    }

    private static bool IsFromCustomer(Activity activity) =>
        activity.ChannelId is not null
        && activity.Conversation?.Id is not null
        && (activity.IsType(ActivityTypes.Message) || activity.IsType(ActivityTypes.Typing))
        && activity.From?.Role != RoleTypes.Bot;
}
