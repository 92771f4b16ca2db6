namespace FirstLine.Bot.Agents;

/// <summary>An agent or API-key operation that cannot be done; the message says why.</summary>
public class AgentException : Exception
{
    public AgentException()
    {
    }

    public AgentException(string message)
        : base(message)
    {
    }

    public AgentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>An agent with this e-mail address exists already.</summary>
public sealed class AgentAlreadyExistsException(string email) : AgentException($"An agent with the e-mail address {email} exists already.")
{
    public string Email { get; } = email;
}

/// <summary>Input that does not make a valid agent or key (bad e-mail, short password …).</summary>
public sealed class AgentValidationException(string message) : AgentException(message);
