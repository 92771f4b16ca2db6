namespace FirstLine.Channels.DirectLine;

/// <summary>Constants of the Direct Line channel.</summary>
public static class DirectLineChannel
{
    public const string ChannelId = "directline";
    public const string BasePath = "/v3/directline";
    public const string UserIdPrefix = "dl_";
}
