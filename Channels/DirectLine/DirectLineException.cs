namespace FirstLine.Channels.DirectLine;

/// <summary>A request Direct Line refuses, carrying the status code and error code clients rely on.</summary>
public sealed class DirectLineException : Exception
{
    public DirectLineException()
        : this(500, "ServiceError", "The Direct Line service failed.")
    {
    }

    public DirectLineException(string message)
        : this(500, "ServiceError", message)
    {
    }

    public DirectLineException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 500;
        Code = "ServiceError";
    }

    public DirectLineException(int statusCode, string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Code = code;
    }

    public int StatusCode { get; }

    public string Code { get; }

    public static DirectLineException BadArgument(string message) => new(400, "BadArgument", message);

    public static DirectLineException MissingAuthorization() =>
        new(401, "MissingToken", "Send 'Authorization: Bearer <secret or token>'.");

    public static DirectLineException InvalidToken() => new(401, "InvalidToken", "The secret or token is not valid.");

    public static DirectLineException TokenExpired() => new(403, "TokenExpired", "The token has expired; get a new one.");

    public static DirectLineException WrongConversation() =>
        new(403, "Forbidden", "The token is not valid for this conversation.");

    public static DirectLineException ConversationNotFound() => new(404, "BadArgument", "Unknown conversation.");

    public static DirectLineException TooLarge(string what, long limit) =>
        new(413, "MessageSizeTooBig", $"The {what} exceeds the limit of {limit} bytes.");

    public static DirectLineException BotFailed(Exception inner) =>
        new(502, "BotError", "Failed to send activity: bot returned an error.", inner);
}
