namespace FirstLine.Bot.Privacy;

/// <summary>A conversation on a channel: what transcripts, state and the channels' own stores are keyed by.</summary>
public readonly record struct ConversationKey(string Channel, string Id)
{
    public override string ToString() => $"{Channel}/{Id}";
}
