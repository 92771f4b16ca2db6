namespace FirstLine.Dialogs.Engine;

/// <summary>How a prompt shows its choices.</summary>
public enum ListStyle
{
    /// <summary>No choices shown; the prompt text says what to answer.</summary>
    None,

    /// <summary>Buttons (suggested actions, imBack of the title); channels without buttons get a numbered list instead.</summary>
    SuggestedAction,

    /// <summary>A numbered list in the message text, for channels without buttons (email).</summary>
    List,
}
