namespace FirstLine.Dialogs.Support.Desk;

/// <summary>
/// The support desk as the conversation sees it. <c>Dialogs</c> defines it and <c>Bot</c> implements it,
/// because the desk (tickets, queues, agents, transcripts) belongs to the host, not to the dialogs.
/// Every call names the ticket by the number <see cref="OpenTicketAsync"/> returned.
/// </summary>
public interface ISupportDesk
{
    /// <summary>Opens a ticket from the first message of a request; the description is already redacted.</summary>
    Task<OpenedTicket> OpenTicketAsync(TicketRequest request, CancellationToken cancellationToken);

    /// <summary>Records an article or guided flow the bot tried, with the customer's answers.</summary>
    Task RecordAttemptAsync(string ticketNumber, SolutionAttempt attempt, CancellationToken cancellationToken);

    /// <summary>Sets the priority; the rationale is shown to agents.</summary>
    Task SetPriorityAsync(string ticketNumber, PriorityAssessment priority, CancellationToken cancellationToken);

    /// <summary>Stores contact details the customer gave during the conversation.</summary>
    Task UpdateContactAsync(string ticketNumber, ContactDetails contact, CancellationToken cancellationToken);

    /// <summary>The bot solved it at level 1 (first-contact resolution) with this article.</summary>
    Task ResolveAtFirstLevelAsync(string ticketNumber, FirstLevelResolution resolution, CancellationToken cancellationToken);

    /// <summary>The customer's rating of a resolved request.</summary>
    Task RecordSatisfactionAsync(string ticketNumber, SatisfactionFeedback feedback, CancellationToken cancellationToken);

    /// <summary>The customer withdrew the request ("abbrechen", "cancel") before it was solved or handed over.</summary>
    Task WithdrawAsync(string ticketNumber, CancellationToken cancellationToken);

    /// <summary>Whether a human in <paramref name="queue"/> could take the conversation now.</summary>
    Task<AgentAvailability> CheckAvailabilityAsync(string queue, CancellationToken cancellationToken);

    /// <summary>
    /// Hands the ticket to level 2. Bot attaches the transcript from its own store and routes further
    /// messages of the conversation to the queue or agent; the receipt says what to tell the customer.
    /// </summary>
    Task<HandoffReceipt> HandOffAsync(string ticketNumber, HandoffRequest request, CancellationToken cancellationToken);
}
