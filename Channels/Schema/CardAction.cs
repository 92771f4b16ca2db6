using System.Text.Json;
using System.Text.Json.Serialization;

namespace FirstLine.Channels.Schema;

/// <summary>A clickable action on a card or among suggested actions.</summary>
public sealed class CardAction
{
    public CardAction()
    {
    }

    public CardAction(string type, string title, object? value = null)
    {
        Type = type;
        Title = title;
        Value = value;
    }

    public string? Type { get; set; }

    public string? Title { get; set; }

    public string? Image { get; set; }

    public string? ImageAltText { get; set; }

    public string? Text { get; set; }

    public string? DisplayText { get; set; }

    public object? Value { get; set; }

    public object? ChannelData { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>The most common suggested action: the title is sent back as the user's message.</summary>
    public static CardAction ImBack(string title, string? value = null) => new(ActionTypes.ImBack, title, value ?? title);
}
