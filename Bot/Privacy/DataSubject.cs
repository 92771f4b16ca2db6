namespace FirstLine.Bot.Privacy;

/// <summary>The customer a data-subject request is about: named by e-mail address, or by one of their tickets.</summary>
public sealed record DataSubject
{
    private DataSubject(string? email, string? ticketNumber)
    {
        Email = email;
        TicketNumber = ticketNumber;
    }

    /// <summary>Lower case, trimmed.</summary>
    public string? Email { get; }

    public string? TicketNumber { get; }

    /// <exception cref="InvalidDataSubjectException">not an e-mail address</exception>
    public static DataSubject ByEmail(string email)
    {
        var trimmed = email?.Trim() ?? string.Empty;
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        if (at < 1 || at == trimmed.Length - 1 || trimmed.Any(char.IsWhiteSpace) || trimmed.Length > 320)
        {
            throw new InvalidDataSubjectException($"'{email}' is not an e-mail address, e.g. kunde@example.com.");
        }

        return new DataSubject(trimmed.ToLowerInvariant(), null);
    }

    /// <exception cref="InvalidDataSubjectException">empty</exception>
    public static DataSubject ByTicket(string number) =>
        string.IsNullOrWhiteSpace(number)
            ? throw new InvalidDataSubjectException("A ticket number is needed, e.g. FL-00042.")
            : new DataSubject(null, number.Trim().ToUpperInvariant());

    /// <summary>For logs, which must not keep an address that is being erased.</summary>
    public string ForLog => TicketNumber is { } number ? $"ticket {number}" : "an e-mail address";

    public override string ToString() => Email ?? $"the requester of {TicketNumber}";
}
