namespace FirstLine.Bot.Tickets;

/// <summary>Base of every refused ticket operation.</summary>
public class TicketException : Exception
{
    public TicketException()
    {
    }

    public TicketException(string message)
        : base(message)
    {
    }

    public TicketException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

public sealed class TicketNotFoundException(string number) : TicketException($"There is no ticket {number}.")
{
    public string Number { get; } = number;
}

/// <summary>A status change the lifecycle does not allow; carries the ones it would.</summary>
public sealed class TicketTransitionException(string number, TicketStatus from, TicketStatus to)
    : TicketException($"Ticket {number} cannot go from {from} to {to}. Allowed: {string.Join(", ", TicketLifecycle.AllowedAfter(from))}.")
{
    public TicketStatus From { get; } = from;

    public TicketStatus To { get; } = to;

    public IReadOnlyList<TicketStatus> Allowed { get; } = TicketLifecycle.AllowedAfter(from);
}

/// <summary>Someone else changed the ticket since it was read.</summary>
public sealed class TicketConcurrencyException(string number, Exception? inner = null)
    : TicketException($"Ticket {number} was changed by someone else; reload it and try again.", inner ?? new InvalidOperationException());
