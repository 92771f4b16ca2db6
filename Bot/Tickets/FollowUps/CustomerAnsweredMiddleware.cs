using System.Net.Mail;
using FirstLine.Bot.Handoff;
using FirstLine.Channels.Email;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;

namespace FirstLine.Bot.Tickets.FollowUps;

/// <summary>
/// A customer's message moves their ticket along: a Pending ticket is Open again (its SLA clocks run on, no reminder
/// follows), and a Resolved ticket answered by email is Reopened (its clocks start over). A chat customer waiting in
/// the queue who writes just an email address has it kept, for the answer by email they were offered.
/// </summary>
public sealed class CustomerAnsweredMiddleware(TicketService tickets, ConversationOwnership ownership) : Channels.Turns.IMiddleware
{
    public const string Actor = "customer";

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (activity.IsType(ActivityTypes.Message) && activity.From?.Role != RoleTypes.Bot && activity.ChannelId is { } channel && activity.Conversation?.Id is { } conversationId)
        {
            await UpdateTicketAsync(channel, conversationId, activity.Text?.Trim(), cancellationToken);
        }

        await next(cancellationToken);
    }

    private async Task UpdateTicketAsync(string channel, string conversationId, string? text, CancellationToken cancellationToken)
    {
        var ticket = await tickets.FindLatestForConversationAsync(channel, conversationId, cancellationToken);
        if (ticket is null)
        {
            return;
        }

        var status = ticket.Status switch
        {
            TicketStatus.Pending => TicketStatus.Open,
            TicketStatus.Resolved when channel == EmailChannel.ChannelId => TicketStatus.Reopened,
            _ => ticket.Status,
        };
        var email = await GivenEmailAsync(channel, conversationId, text, cancellationToken);
        if (status == ticket.Status && email is null)
        {
            return;
        }

        await tickets.UpdateAsync(
            ticket.Number,
            Actor,
            t =>
            {
                t.Status = status;
                t.Customer!.Email = email ?? t.Customer.Email;
            },
            ticket.ETag,
            cancellationToken);
    }

    /// <summary>The address a customer waiting in the queue wrote as their whole message, else null.</summary>
    private async Task<string?> GivenEmailAsync(string channel, string conversationId, string? text, CancellationToken cancellationToken)
    {
        if (channel == EmailChannel.ChannelId || string.IsNullOrEmpty(text) || text.Contains(' ', StringComparison.Ordinal)
            || !MailAddress.TryCreate(text, out var address) || address.Address != text)
        {
            return null;
        }

        var owner = await ownership.FindAsync(channel, conversationId, cancellationToken);
        return owner?.Owner == ConversationOwner.Queue ? address.Address : null;
    }
}
