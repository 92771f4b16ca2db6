using System.Text.Json;
using FirstLine.Bot.Tickets;
using FirstLine.Channels.Schema;
using FirstLine.Channels.Turns;
using FirstLine.Dialogs.Support.Desk;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Handoff;

/// <summary>
/// The support desk the dialogs talk to, built on tickets: every request becomes a ticket, what the bot
/// tries and decides is written onto it, and a handoff moves it to level 2 in its queue.
/// </summary>
public sealed class TicketSupportDesk(
    TicketService tickets,
    IAgentPresence presence,
    ConversationOwnership ownership,
    ChannelAdapters channels,
    ITranscriptLogger transcripts,
    IAgentNotifier agents,
    IOptions<TicketOptions> ticketOptions) : ISupportDesk
{
    private const string BotActor = "bot";

    public async Task<OpenedTicket> OpenTicketAsync(TicketRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ticket = await tickets.CreateAsync(
            new NewTicket(request.Customer.ChannelId, request.Conversation.Conversation?.Id ?? "unknown", request.Customer.ChannelUserId, request.Subject, request.Description)
            {
                CustomerName = request.Customer.Name,
                CustomerEmail = request.Customer.Email,
                Language = request.Customer.Language,
                Sentiment = request.Sentiment.ToString().ToLowerInvariant(),
                KeyPhrases = request.KeyPhrases,
                ConversationReferenceJson = BotJson.Serialize(request.Conversation),
            },
            BotActor,
            cancellationToken);
        return new OpenedTicket(ticket.Number);
    }

    public Task RecordAttemptAsync(string ticketNumber, SolutionAttempt attempt, CancellationToken cancellationToken) =>
        tickets.UpdateAsync(ticketNumber, BotActor, t => t.BotAttemptsJson = Append(t.BotAttemptsJson, attempt), expectedETag: null, cancellationToken);

    public Task SetPriorityAsync(string ticketNumber, PriorityAssessment priority, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(priority);
        return tickets.UpdateAsync(ticketNumber, BotActor, t => ApplyPriority(t, priority), expectedETag: null, cancellationToken);
    }

    public Task UpdateContactAsync(string ticketNumber, ContactDetails contact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return tickets.UpdateAsync(
            ticketNumber,
            BotActor,
            t =>
            {
                t.Customer!.Name = contact.Name ?? t.Customer.Name;
                t.Customer.Email = contact.Email ?? t.Customer.Email;
            },
            expectedETag: null,
            cancellationToken);
    }

    public Task ResolveAtFirstLevelAsync(string ticketNumber, FirstLevelResolution resolution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        return tickets.UpdateAsync(
            ticketNumber,
            BotActor,
            t =>
            {
                t.Status = TicketStatus.Resolved;
                t.Level = SupportLevel.Bot;
                t.ResolvedAtFirstContact = true;
                t.ResolutionArticleId = resolution.ArticleId;
            },
            expectedETag: null,
            cancellationToken);
    }

    public Task RecordSatisfactionAsync(string ticketNumber, SatisfactionFeedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return tickets.UpdateAsync(
            ticketNumber,
            BotActor,
            t =>
            {
                t.SatisfactionRating = Math.Clamp(feedback.Rating, 1, 5);
                t.SatisfactionComment = feedback.Comment;
            },
            expectedETag: null,
            cancellationToken);
    }

    public Task WithdrawAsync(string ticketNumber, CancellationToken cancellationToken) =>
        tickets.UpdateAsync(ticketNumber, "customer", t => t.Status = TicketStatus.Closed, expectedETag: null, cancellationToken);

    public async Task<AgentAvailability> CheckAvailabilityAsync(string queue, CancellationToken cancellationToken)
    {
        var available = await presence.IsAgentAvailableAsync(queue, cancellationToken);
        return new AgentAvailability(available, available ? null : ExpectedFirstResponse(TicketPriority.P3));
    }

    public async Task<HandoffReceipt> HandOffAsync(string ticketNumber, HandoffRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ticket = await tickets.UpdateAsync(
            ticketNumber,
            BotActor,
            t =>
            {
                t.Level = SupportLevel.Second;
                t.Queue = request.Queue;
                t.Status = t.Status == TicketStatus.New ? TicketStatus.Open : t.Status;
                t.Summary = $"{request.Summary}\n\n{request.Diagnosis}".Trim();
                ApplyPriority(t, request.Priority);
            },
            expectedETag: null,
            cancellationToken);
        var reference = BotJson.Deserialize<ConversationReference>(ticket.ConversationReferenceJson ?? "{}");
        if (reference?.ChannelId is not null && reference.Conversation?.Id is not null)
        {
            await ownership.QueueAsync(reference, ticket.Number, cancellationToken);
            await AnnounceHandoffAsync(reference, ticket, request, cancellationToken);
        }

        await agents.PublishAsync(new AgentEvent(AgentEventKind.TicketQueued, ticket.Number, Queue: request.Queue), cancellationToken);
        var available = await presence.IsAgentAvailableAsync(request.Queue, cancellationToken);
        return new HandoffReceipt(ticket.Number, available, available ? null : ExpectedFirstResponse(ticket.Priority));
    }

    /// <summary>Puts <c>handoff.initiate</c> with the transcript on the wire, for agent hubs listening there.</summary>
    private async Task AnnounceHandoffAsync(ConversationReference reference, TicketRow ticket, HandoffRequest request, CancellationToken cancellationToken)
    {
        var transcript = await transcripts.GetTranscriptAsync(reference.ChannelId!, reference.Conversation!.Id!, cancellationToken);
        var context = new { ticket = ticket.Number, queue = request.Queue, priority = request.Priority.Priority.ToString(), reason = request.Reason.ToString() };
        await channels.For(reference.ChannelId!).ContinueConversationAsync(
            reference,
            (turn, ct) => turn.SendActivityAsync(HandoffEvents.CreateInitiation(reference, context, transcript), ct),
            cancellationToken);
    }

    private TimeSpan? ExpectedFirstResponse(TicketPriority priority) =>
        ticketOptions.Value.Sla.TryGetValue(priority, out var target) ? target.FirstResponse : null;

    private static void ApplyPriority(TicketRow ticket, PriorityAssessment priority)
    {
        ticket.Priority = (TicketPriority)(int)priority.Priority;
        ticket.PriorityRationaleJson = JsonSerializer.Serialize(priority, BotJson.Options);
    }

    private static string Append(string? json, SolutionAttempt attempt)
    {
        var list = json is null ? [] : JsonSerializer.Deserialize<List<SolutionAttempt>>(json, BotJson.Options) ?? [];
        list.Add(attempt);
        return JsonSerializer.Serialize(list, BotJson.Options);
    }
}
