namespace FirstLine.Dialogs.Engine;

/// <summary>
/// Stored dialog state cannot be used: it names a dialog that no longer exists, was written by another
/// version, or its JSON does not fit the state type. <see cref="DialogRunner"/> answers it by starting over.
/// </summary>
public sealed class DialogStateException : Exception
{
    public DialogStateException()
    {
    }

    public DialogStateException(string message)
        : base(message)
    {
    }

    public DialogStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
