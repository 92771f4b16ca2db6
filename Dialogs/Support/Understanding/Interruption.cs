namespace FirstLine.Dialogs.Support.Understanding;

/// <summary>Something the customer can say at any point that changes the course of the conversation.</summary>
public enum Interruption
{
    None,
    Human,
    Cancel,
    StartOver,
    Help,
    SwitchToGerman,
    SwitchToEnglish,
}
