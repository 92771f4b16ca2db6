namespace FirstLine.Dialogs.Engine;

/// <summary>How <see cref="DialogRunner"/> talks to the customer about its own troubles.</summary>
public sealed class DialogRunnerOptions
{
    /// <summary>
    /// The apology sent when stored dialog state cannot be used and the conversation starts over, by locale
    /// (the activity's locale, may be null). Defaults to <see cref="EngineTexts.StateReset"/>.
    /// </summary>
    public Func<string?, string> StateResetMessage { get; set; } = locale => EngineTexts.For(locale).StateReset;
}
