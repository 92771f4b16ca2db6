namespace FirstLine.Channels.Schema;

/// <summary>
/// The event names of the Bot Framework handoff protocol: the bot asks a hub for a human with
/// <c>handoff.initiate</c>; the hub reports with <c>handoff.status</c> and a <c>value</c> of
/// <c>{ "state": …, "message": … }</c>, one of <see cref="HandoffStates"/>.
/// </summary>
public static class HandoffEventNames
{
    public const string InitiateHandoff = "handoff.initiate";
    public const string HandoffStatus = "handoff.status";
}

/// <summary>The states a <c>handoff.status</c> event reports.</summary>
public static class HandoffStates
{
    /// <summary>A human has taken the conversation.</summary>
    public const string Accepted = "accepted";

    /// <summary>The handoff could not be done.</summary>
    public const string Failed = "failed";

    /// <summary>The human is done: the conversation is the bot's again.</summary>
    public const string Completed = "completed";
}
