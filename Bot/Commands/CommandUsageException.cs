namespace FirstLine.Bot.Commands;

/// <summary>The command line is wrong (unknown option, missing value, no such file): usage is shown, exit code 2.</summary>
public sealed class CommandUsageException : Exception
{
    public CommandUsageException() { }

    public CommandUsageException(string message) : base(message) { }

    public CommandUsageException(string message, Exception innerException) : base(message, innerException) { }
}
