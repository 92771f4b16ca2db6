using System.Text.Json;
using System.Text.Json.Serialization;

namespace FirstLine.Channels.Schema;

/// <summary>A reaction (like, plusOne …) added to or removed from a message.</summary>
public sealed class MessageReaction
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>A part of the text that refers to a previous activity.</summary>
public sealed class TextHighlight
{
    public string? Text { get; set; }

    public int? Occurrence { get; set; }
}

/// <summary>A programmatic action the activity asks for (Bot Framework semantic actions).</summary>
public sealed class SemanticAction
{
    public string? Id { get; set; }

    public string? State { get; set; }

    public IDictionary<string, Entity>? Entities { get; set; }
}
