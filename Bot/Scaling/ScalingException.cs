namespace FirstLine.Bot.Scaling;

/// <summary>Redis, which several nodes need to act as one, could not be reached or refused what was asked.</summary>
public sealed class ScalingException : Exception
{
    public ScalingException()
    {
    }

    public ScalingException(string message)
        : base(message)
    {
    }

    public ScalingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
