using System.Text.Json.Serialization;

namespace FirstLine.Dialogs.Engine;

/// <summary>The persisted dialog stack of one conversation (or of one component dialog). The active dialog is first.</summary>
public sealed class DialogState
{
    /// <summary>Raise when the stored shape changes; state of any other version is reset with an apology.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Required in JSON, so state written before versioning existed is recognised as old, not as current.</summary>
    [JsonRequired]
    public int Version { get; set; } = CurrentVersion;

    public List<DialogInstance> Stack { get; set; } = [];

    internal void Flush()
    {
        foreach (var instance in Stack)
        {
            instance.Flush();
        }
    }
}
