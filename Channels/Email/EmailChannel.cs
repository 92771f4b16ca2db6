namespace FirstLine.Channels.Email;

/// <summary>Names the email channel uses on activities and in storage.</summary>
public static class EmailChannel
{
    /// <summary>The <c>channelId</c> of every activity that arrived or leaves by email.</summary>
    public const string ChannelId = "email";
}
