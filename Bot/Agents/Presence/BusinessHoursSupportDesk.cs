using FirstLine.Bot.Tickets.Sla;
using FirstLine.Dialogs.Support.Desk;

namespace FirstLine.Bot.Agents;

/// <summary>
/// Makes "when will I hear back" honest outside business hours: the wait until the desk opens is added to the
/// SLA's first-response time the desk reports. Everything else goes to the real desk unchanged.
/// </summary>
internal sealed class BusinessHoursSupportDesk(ISupportDesk inner, BusinessHours hours, TimeProvider time) : ISupportDesk
{
    public Task<OpenedTicket> OpenTicketAsync(TicketRequest request, CancellationToken cancellationToken) => inner.OpenTicketAsync(request, cancellationToken);

    public Task RecordAttemptAsync(string ticketNumber, SolutionAttempt attempt, CancellationToken cancellationToken) => inner.RecordAttemptAsync(ticketNumber, attempt, cancellationToken);

    public Task SetPriorityAsync(string ticketNumber, PriorityAssessment priority, CancellationToken cancellationToken) => inner.SetPriorityAsync(ticketNumber, priority, cancellationToken);

    public Task UpdateContactAsync(string ticketNumber, ContactDetails contact, CancellationToken cancellationToken) => inner.UpdateContactAsync(ticketNumber, contact, cancellationToken);

    public Task ResolveAtFirstLevelAsync(string ticketNumber, FirstLevelResolution resolution, CancellationToken cancellationToken) => inner.ResolveAtFirstLevelAsync(ticketNumber, resolution, cancellationToken);

    public Task RecordSatisfactionAsync(string ticketNumber, SatisfactionFeedback feedback, CancellationToken cancellationToken) => inner.RecordSatisfactionAsync(ticketNumber, feedback, cancellationToken);

    public Task WithdrawAsync(string ticketNumber, CancellationToken cancellationToken) => inner.WithdrawAsync(ticketNumber, cancellationToken);

    public async Task<AgentAvailability> CheckAvailabilityAsync(string queue, CancellationToken cancellationToken)
    {
        var availability = await inner.CheckAvailabilityAsync(queue, cancellationToken);
        return availability with { ExpectedResponse = AddWaitUntilOpen(availability.AgentAvailableNow, availability.ExpectedResponse) };
    }

    public async Task<HandoffReceipt> HandOffAsync(string ticketNumber, HandoffRequest request, CancellationToken cancellationToken)
    {
        var receipt = await inner.HandOffAsync(ticketNumber, request, cancellationToken);
        return receipt with { ExpectedResponse = AddWaitUntilOpen(receipt.AgentAvailableNow, receipt.ExpectedResponse) };
    }

    private TimeSpan? AddWaitUntilOpen(bool availableNow, TimeSpan? expected)
    {
        if (availableNow)
        {
            return expected;
        }

        var now = time.GetUtcNow();
        var wait = hours.NextOpening(now) - now;
        return wait <= TimeSpan.Zero ? expected : wait + (expected ?? TimeSpan.Zero);
    }
}
