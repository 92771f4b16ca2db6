namespace FirstLine.Dialogs.Engine;

/// <summary>Why a dialog is being begun, continued, resumed or ended.</summary>
public enum DialogReason
{
    BeginCalled,
    ContinueCalled,
    EndCalled,
    ReplaceCalled,
    CancelCalled,
    NextCalled,
}
