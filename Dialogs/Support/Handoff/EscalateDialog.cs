using FirstLine.Dialogs.Engine;
using FirstLine.Dialogs.Support.Conversation;
using FirstLine.Dialogs.Support.Desk;
using FirstLine.Dialogs.Support.Priority;

namespace FirstLine.Dialogs.Support.Handoff;

/// <summary>
/// Hands a request to level 2: impact and urgency (from the customer's words, else at most two short
/// questions), contact details only where missing and needed, then the handoff and what happens next.
/// </summary>
internal sealed class EscalateDialog : WaterfallDialog<EscalationState>
{
    private readonly SupportServices services;

    public EscalateDialog(SupportServices services)
        : base(DialogIds.Escalate)
    {
        this.services = services;
        AddStep(AskImpactAsync);
        AddStep(AskUrgencyAsync);
        AddStep(AskNameAsync);
        AddStep(AskEmailAsync);
        AddStep(HandOffAsync);
    }

    /// <summary>A name is two to eighty characters with letters, not an address or a sentence.</summary>
    public static Task<bool> ValidateNameAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var name = prompt.Recognized.Value?.Trim() ?? string.Empty;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return Task.FromResult(prompt.Recognized.Succeeded && name.Length is >= 2 and <= 80 && words <= 5
                               && name.Any(char.IsLetter) && !name.Contains('@', StringComparison.Ordinal)
                               && !name.Any(c => c is '<' or '>'));
    }

    private async Task<DialogTurnResult> AskImpactAsync(WaterfallStepContext<EscalationState> step, CancellationToken cancellationToken)
    {
        var turn = new SupportTurn(step.DialogContext, services.Options);
        var options = step.GetOptions<EscalationOptions>() ?? new EscalationOptions(HandoffReason.CustomerAsked, null, null, null);
        step.State.Options = options;
        // A guided flow's last step has already said that a colleague takes over; the customer asked for one themselves.
        if (options.Reason is not HandoffReason.CustomerAsked and not HandoffReason.FlowEscalated)
        {
            await turn.SayAsync(turn.Texts.Escalating, cancellationToken);
        }

        if (TextSignals.ReadImpact(turn.Request.Text) is { } impact)
        {
            step.State.Impact = impact.Impact;
            step.State.ImpactReason = new PriorityReason(PriorityFactor.ImpactFromText, $"the customer wrote \"{impact.Evidence}\"");
            return await step.NextAsync(null, cancellationToken);
        }

        if (turn.IsOneMessageChannel)
        {
            return await step.NextAsync(null, cancellationToken);
        }

        var texts = turn.Texts;
        return await step.PromptAsync(
            DialogIds.ChoicePrompt,
            turn.Choices(texts.ImpactQuestion, texts.ChoiceRetry, [texts.ImpactJustMe, texts.ImpactMyTeam, texts.ImpactWholeCompany]),
            cancellationToken);
    }

    private async Task<DialogTurnResult> AskUrgencyAsync(WaterfallStepContext<EscalationState> step, CancellationToken cancellationToken)
    {
        var turn = new SupportTurn(step.DialogContext, services.Options);
        if (step.State.ImpactReason is null)
        {
            (step.State.Impact, step.State.ImpactReason) = step.Result is FoundChoice choice
                ? ((Impact)choice.Index, new PriorityReason(PriorityFactor.ImpactAnswered, $"the customer answered \"{choice.Value}\""))
                : (Impact.Individual, new PriorityReason(PriorityFactor.ImpactAssumed, turn.IsOneMessageChannel
                    ? "not stated; assumed only the customer is affected (email, not asked)"
                    : "no usable answer; assumed only the customer is affected"));
        }

        if (TextSignals.ReadUrgency(turn.Request.Text) is { } urgency)
        {
            step.State.Urgency = urgency.Urgency;
            step.State.UrgencyReason = new PriorityReason(PriorityFactor.UrgencyFromText, $"the customer wrote \"{urgency.Evidence}\"");
            return await step.NextAsync(null, cancellationToken);
        }

        if (turn.IsOneMessageChannel)
        {
            return await step.NextAsync(null, cancellationToken);
        }

        var texts = turn.Texts;
        return await step.PromptAsync(
            DialogIds.ChoicePrompt,
            turn.Choices(texts.UrgencyQuestion, texts.ChoiceRetry, [texts.UrgencyCanWork, texts.UrgencyImpaired, texts.UrgencyCannotWork]),
            cancellationToken);
    }

    private async Task<DialogTurnResult> AskNameAsync(WaterfallStepContext<EscalationState> step, CancellationToken cancellationToken)
    {
        var turn = new SupportTurn(step.DialogContext, services.Options);
        if (step.State.UrgencyReason is null)
        {
            (step.State.Urgency, step.State.UrgencyReason) = step.Result is FoundChoice choice
                ? ((Urgency)choice.Index, new PriorityReason(PriorityFactor.UrgencyAnswered, $"the customer answered \"{choice.Value}\""))
                : (Urgency.Impaired, new PriorityReason(PriorityFactor.UrgencyAssumed, turn.IsOneMessageChannel
                    ? "not stated; assumed work is impaired (email, not asked)"
                    : "no usable answer; assumed work is impaired"));
        }

        var queue = step.State.Options!.Queue ?? SupportQueues.General;
        var availability = await services.Desk.CheckAvailabilityAsync(queue, cancellationToken);
        step.State.AgentAvailableNow = availability.AgentAvailableNow;
        if (turn.Session.Name is not null || turn.IsOneMessageChannel)
        {
            return await step.NextAsync(null, cancellationToken);
        }

        return await step.PromptAsync(DialogIds.NamePrompt, turn.Text(turn.Texts.AskName, turn.Texts.AskNameRetry), cancellationToken);
    }

    private async Task<DialogTurnResult> AskEmailAsync(WaterfallStepContext<EscalationState> step, CancellationToken cancellationToken)
    {
        var turn = new SupportTurn(step.DialogContext, services.Options);
        if (step.Result is string name && turn.Session.Name is null)
        {
            turn.Session.Name = name.Trim();
            step.State.ContactChanged = true;
        }

        // An agent who takes over the chat now needs no address; a later answer does.
        if (turn.Session.Email is not null || step.State.AgentAvailableNow || turn.IsOneMessageChannel)
        {
            return await step.NextAsync(null, cancellationToken);
        }

        return await step.PromptAsync(DialogIds.EmailPrompt, turn.Text(turn.Texts.AskEmail, turn.Texts.AskEmailRetry), cancellationToken);
    }

    private async Task<DialogTurnResult> HandOffAsync(WaterfallStepContext<EscalationState> step, CancellationToken cancellationToken)
    {
        var turn = new SupportTurn(step.DialogContext, services.Options);
        var state = step.State;
        var options = state.Options!;
        var request = turn.Request;
        if (step.Result is string email && turn.Session.Email is null)
        {
            turn.Session.Email = email;
            state.ContactChanged = true;
        }

        if (state.ContactChanged)
        {
            await services.Desk.UpdateContactAsync(request.TicketNumber, new ContactDetails(turn.Session.Name, turn.Session.Email), cancellationToken);
        }

        var assessment = PriorityAssessor.Assess(new PriorityInputs(
            state.Impact,
            state.ImpactReason!,
            state.Urgency,
            state.UrgencyReason!,
            request.Text,
            request.Frustration,
            Enum.TryParse<Desk.Priority>(options.PriorityHint, ignoreCase: true, out var hint) ? hint : null));
        await services.Desk.SetPriorityAsync(request.TicketNumber, assessment, cancellationToken);
        var receipt = await services.Desk.HandOffAsync(
            request.TicketNumber,
            new HandoffRequest(options.Queue ?? SupportQueues.General, assessment, options.Reason, options.Diagnosis ?? Diagnosis(request), Summary(request, options, assessment)),
            cancellationToken);
        request.Status = RequestStatus.HandedOff;
        await turn.SayAsync(
            receipt.AgentAvailableNow
                ? turn.Texts.HandedOffAgentNow(receipt.TicketNumber)
                : turn.Texts.HandedOffLater(receipt.TicketNumber, receipt.ExpectedResponse, turn.IsOneMessageChannel),
            cancellationToken);
        return await step.EndDialogAsync(receipt, cancellationToken);
    }

    private static string Diagnosis(SupportRequest request) =>
        request.Tried.Count == 0 ? "No knowledge-base article fits." : "Tried without success: " + string.Join("; ", request.Tried);

    private static string Summary(SupportRequest request, EscalationOptions options, PriorityAssessment assessment) =>
        $"Problem: {request.Text}\n" +
        $"Why handed over: {options.Reason}\n" +
        $"Tried: {(request.Tried.Count == 0 ? "nothing" : string.Join("; ", request.Tried))}\n" +
        $"Priority {assessment.Priority}: {string.Join("; ", assessment.Rationale.Select(r => r.Detail))}";
}

/// <summary>What the handoff has learnt so far.</summary>
internal sealed class EscalationState
{
    public EscalationOptions? Options { get; set; }

    public Impact Impact { get; set; }

    public PriorityReason? ImpactReason { get; set; }

    public Urgency Urgency { get; set; }

    public PriorityReason? UrgencyReason { get; set; }

    public bool AgentAvailableNow { get; set; }

    public bool ContactChanged { get; set; }
}
