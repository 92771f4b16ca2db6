using FirstLine.Channels.Schema;
using FirstLine.Dialogs.Engine;
using FirstLine.Dialogs.Support.Understanding;

namespace FirstLine.Dialogs.Support.Conversation;

/// <summary>
/// The bottom of the support stack: holds the <see cref="SupportSession"/> and starts a triage for every new
/// message while no request is in progress, and the satisfaction survey when a human agent gives the conversation
/// back. It never ends.
/// </summary>
internal sealed class SessionDialog(SupportOptions supportOptions) : Dialog(DialogIds.Session)
{
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);

        // Restarting the request dialogs ("von vorn") keeps who the customer is and which language they speak.
        dc.SetState(options as SupportSession ?? new SupportSession());
        if (options is SupportSession)
        {
            return EndOfTurn;
        }

        var turn = new SupportTurn(dc, supportOptions);
        var activity = dc.Context.Activity;
        if (!string.IsNullOrEmpty(activity.Locale) && !turn.IsOneMessageChannel)
        {
            turn.Session.Language = Texts.SupportLanguage.Normalize(activity.Locale);
            turn.Session.LanguageKnown = true;
        }

        if (activity.IsType(ActivityTypes.ConversationUpdate) && turn.Session.LanguageKnown)
        {
            turn.Session.Greeted = true;
            await turn.SayAsync(turn.Texts.Greeting, cancellationToken);
        }

        return await ContinueDialogAsync(dc, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var activity = dc.Context.Activity;
        if (activity.IsType(ActivityTypes.Message))
        {
            return dc.BeginDialogAsync(DialogIds.Triage, new TriageOptions(activity.Text ?? string.Empty), cancellationToken);
        }

        if (AgentHandback.IsCompleted(activity, out var ticketNumber))
        {
            // The agent resolved the ticket or handed the conversation back: ask how the help was.
            var session = dc.GetState<SupportSession>();
            ticketNumber ??= session.Request?.TicketNumber;
            if (ticketNumber is not null)
            {
                return dc.BeginDialogAsync(DialogIds.Satisfaction, new SatisfactionOptions(ticketNumber, AfterAgent: true), cancellationToken);
            }
        }

        return Task.FromResult(EndOfTurn);
    }

    /// <summary>A request has ended; wait for the next message.</summary>
    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(EndOfTurn);
}
