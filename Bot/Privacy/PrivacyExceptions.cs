namespace FirstLine.Bot.Privacy;

/// <summary>Base of every refused data-subject request.</summary>
public class PrivacyException : Exception
{
    public PrivacyException()
    {
    }

    public PrivacyException(string message)
        : base(message)
    {
    }

    public PrivacyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Nothing is stored about the customer a request names (never known, or erased already).</summary>
public sealed class CustomerNotFoundException(DataSubject subject)
    : PrivacyException(subject.TicketNumber is { } number
        ? $"There is no ticket {number}."
        : $"There is no customer data for '{subject.Email}' (never stored, or erased already).")
{
    public DataSubject Subject { get; } = subject;
}

/// <summary>The request does not name a customer in a usable way.</summary>
public sealed class InvalidDataSubjectException(string message) : PrivacyException(message);
