using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;
using FirstLine.Dialogs.Engine;
using FirstLine.Dialogs.Support.Texts;

namespace FirstLine.Dialogs.Support.Conversation;

/// <summary>
/// One turn as the support dialogs see it: the session, the texts in the conversation's language, and
/// sending and asking the way the channel allows (buttons in chat, "Antworten Sie mit …" in email).
/// </summary>
internal sealed class SupportTurn
{
    private readonly SupportOptions options;

    public SupportTurn(DialogContext dc, SupportOptions options)
    {
        ArgumentNullException.ThrowIfNull(dc);
        this.options = options;
        Context = dc.Context;
        Session = SessionOf(dc);
    }

    public ITurnContext Context { get; }

    public SupportSession Session { get; }

    public SupportTexts Texts => SupportTexts.For(Session.Language);

    /// <summary>Email and the like: no buttons, and every answer is a new message that may come days later.</summary>
    public bool IsOneMessageChannel => options.OneMessageChannels.Contains(Context.Activity.ChannelId ?? string.Empty, StringComparer.OrdinalIgnoreCase);

    public SupportRequest Request => Session.Request ?? throw new InvalidOperationException("No support request is in progress.");

    /// <summary>The session lives in the bottom dialog of the support component's stack.</summary>
    public static SupportSession SessionOf(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        for (var context = dc; context is not null; context = context.Parent)
        {
            if (context.Stack.Count > 0 && context.Stack[^1].Id == DialogIds.Session)
            {
                return context.Stack[^1].GetState<SupportSession>();
            }
        }

        throw new InvalidOperationException("The support session is not on the dialog stack.");
    }

    public Task SayAsync(string text, CancellationToken cancellationToken) =>
        Context.SendActivityAsync(Message(text), cancellationToken);

    public Activity Message(string text)
    {
        var activity = Activity.CreateMessageActivity(text);
        activity.Locale = SupportLanguage.Locale(Session.Language);
        activity.TextFormat = "markdown";
        activity.InputHint = InputHints.AcceptingInput;
        return activity;
    }

    /// <summary>A question with answers to pick; in email the answers are spelt out in the text.</summary>
    public PromptOptions Choices(string question, string retry, IReadOnlyList<string> answers, IReadOnlyList<Choice>? recognized = null)
    {
        var choices = recognized ?? [.. answers.Select(a => new Choice(a))];
        Session.OfferedAnswers = [.. answers];
        if (IsOneMessageChannel)
        {
            var reply = Texts.ReplyWith(answers);
            return new PromptOptions
            {
                Prompt = Message($"{question}\n\n{reply}"),
                RetryPrompt = Message($"{retry}\n\n{question}\n\n{reply}"),
                Choices = [.. choices],
                Style = ListStyle.None,
                MaxAttempts = options.MaxPromptAttempts,
            };
        }

        return new PromptOptions
        {
            Prompt = Message(question),
            RetryPrompt = Message($"{retry}\n\n{question}"),
            Choices = [.. choices],
            Style = ListStyle.SuggestedAction,
            MaxAttempts = options.MaxPromptAttempts,
        };
    }

    public PromptOptions YesNo(string question) =>
        Choices(question, Texts.AnswerYesOrNo, [Texts.Yes, Texts.No]);

    /// <summary>A free-text question, optionally with buttons for the usual answers.</summary>
    public PromptOptions Text(string question, string retry, params string[] buttons)
    {
        var prompt = Message(question);
        var retryPrompt = Message($"{retry}\n\n{question}");
        if (buttons.Length > 0 && !IsOneMessageChannel)
        {
            prompt.SuggestedActions = new SuggestedActions(buttons.Select(b => CardAction.ImBack(b)));
            retryPrompt.SuggestedActions = new SuggestedActions(buttons.Select(b => CardAction.ImBack(b)));
        }

        return new PromptOptions { Prompt = prompt, RetryPrompt = retryPrompt, MaxAttempts = options.MaxPromptAttempts, Style = ListStyle.None };
    }
}
