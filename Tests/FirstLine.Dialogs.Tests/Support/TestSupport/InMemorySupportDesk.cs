using System.Collections.Concurrent;
using FirstLine.Dialogs.Support.Desk;

namespace FirstLine.Dialogs.Tests.Support.TestSupport;

/// <summary>A support desk in memory that records every call, so tests can check what the bot told the desk.</summary>
public sealed class InMemorySupportDesk : ISupportDesk
{
    private int nextNumber = 1000;

    public ConcurrentDictionary<string, DeskTicket> Tickets { get; } = new();

    /// <summary>Whether an agent is free now; tests switch it to see both answers.</summary>
    public bool AgentAvailable { get; set; }

    public TimeSpan? ExpectedResponse { get; set; } = TimeSpan.FromHours(4);

    public List<string> Calls { get; } = [];

    /// <summary>The ticket opened last.</summary>
    public DeskTicket Last => Tickets.Values.OrderBy(t => t.Sequence).Last();

    public Task<OpenedTicket> OpenTicketAsync(TicketRequest request, CancellationToken cancellationToken)
    {
        var sequence = Interlocked.Increment(ref nextNumber);
        var number = $"FL-{sequence:D6}";
        Tickets[number] = new DeskTicket(number, sequence, request);
        Record($"open {number}");
        return Task.FromResult(new OpenedTicket(number));
    }

    public Task RecordAttemptAsync(string ticketNumber, SolutionAttempt attempt, CancellationToken cancellationToken)
    {
        Ticket(ticketNumber).Attempts.Add(attempt);
        Record($"attempt {ticketNumber} {attempt.ArticleId} {attempt.Outcome}");
        return Task.CompletedTask;
    }

    public Task SetPriorityAsync(string ticketNumber, PriorityAssessment priority, CancellationToken cancellationToken)
    {
        Ticket(ticketNumber).Priority = priority;
        Record($"priority {ticketNumber} {priority.Priority}");
        return Task.CompletedTask;
    }

    public Task UpdateContactAsync(string ticketNumber, ContactDetails contact, CancellationToken cancellationToken)
    {
        Ticket(ticketNumber).Contact = contact;
        Record($"contact {ticketNumber}");
        return Task.CompletedTask;
    }

    public Task ResolveAtFirstLevelAsync(string ticketNumber, FirstLevelResolution resolution, CancellationToken cancellationToken)
    {
        var ticket = Ticket(ticketNumber);
        ticket.Resolution = resolution;
        ticket.Status = DeskTicketStatus.Resolved;
        Record($"resolve {ticketNumber} {resolution.ArticleId}");
        return Task.CompletedTask;
    }

    public Task RecordSatisfactionAsync(string ticketNumber, SatisfactionFeedback feedback, CancellationToken cancellationToken)
    {
        Ticket(ticketNumber).Satisfaction = feedback;
        Record($"satisfaction {ticketNumber} {feedback.Rating}");
        return Task.CompletedTask;
    }

    public Task WithdrawAsync(string ticketNumber, CancellationToken cancellationToken)
    {
        Ticket(ticketNumber).Status = DeskTicketStatus.Withdrawn;
        Record($"withdraw {ticketNumber}");
        return Task.CompletedTask;
    }

    public Task<AgentAvailability> CheckAvailabilityAsync(string queue, CancellationToken cancellationToken)
    {
        Record($"availability {queue}");
        return Task.FromResult(new AgentAvailability(AgentAvailable, ExpectedResponse));
    }

    public Task<HandoffReceipt> HandOffAsync(string ticketNumber, HandoffRequest request, CancellationToken cancellationToken)
    {
        var ticket = Ticket(ticketNumber);
        ticket.Handoff = request;
        ticket.Status = DeskTicketStatus.HandedOff;
        Record($"handoff {ticketNumber} {request.Queue} {request.Priority.Priority}");
        return Task.FromResult(new HandoffReceipt(ticketNumber, AgentAvailable, ExpectedResponse));
    }

    private DeskTicket Ticket(string number) =>
        Tickets.TryGetValue(number, out var ticket) ? ticket : throw new InvalidOperationException($"The bot named ticket {number}, which was never opened.");

    private void Record(string call)
    {
        lock (Calls)
        {
            Calls.Add(call);
        }
    }
}

public enum DeskTicketStatus
{
    Open,
    Resolved,
    HandedOff,
    Withdrawn,
}

/// <summary>Everything the bot told the desk about one ticket.</summary>
public sealed class DeskTicket(string number, int sequence, TicketRequest request)
{
    public string Number { get; } = number;

    public int Sequence { get; } = sequence;

    public TicketRequest Request { get; } = request;

    public DeskTicketStatus Status { get; set; }

    public List<SolutionAttempt> Attempts { get; } = [];

    public PriorityAssessment? Priority { get; set; }

    public ContactDetails? Contact { get; set; }

    public FirstLevelResolution? Resolution { get; set; }

    public SatisfactionFeedback? Satisfaction { get; set; }

    public HandoffRequest? Handoff { get; set; }
}
