namespace FirstLine.Dialogs;

/// <summary>Marker for the dialogs assembly; the dialog engine lands with the support-conversation issue.</summary>
public static class DialogsAssembly;
