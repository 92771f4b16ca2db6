namespace FirstLine.Dialogs.Support.Conversation;

/// <summary>The ids of the support dialogs and their prompts; stored on the stack, so renaming one resets old conversations.</summary>
internal static class DialogIds
{
    public const string Support = "support";
    public const string Session = "support.session";
    public const string Triage = "support.triage";
    public const string Solve = "support.solve";
    public const string Flow = "support.flow";
    public const string Escalate = "support.escalate";
    public const string HumanRequest = "support.human";
    public const string Resolved = "support.resolved";
    public const string Satisfaction = "support.satisfaction";

    public const string ConfirmPrompt = "support.prompt.confirm";
    public const string ChoicePrompt = "support.prompt.choice";
    public const string ClarifyPrompt = "support.prompt.clarify";
    public const string FlowPrompt = "support.prompt.flow";
    public const string TextPrompt = "support.prompt.text";
    public const string NamePrompt = "support.prompt.name";
    public const string EmailPrompt = "support.prompt.email";
}
