using System.Text.Json;
using System.Text.Json.Serialization;

namespace FirstLine.Channels.Schema;

/// <summary>A file, a card or any other media carried by an activity.</summary>
public sealed class Attachment
{
    public string? ContentType { get; set; }

    public string? ContentUrl { get; set; }

    /// <summary>Inline content such as card JSON; a <see cref="JsonElement"/> after deserialization.</summary>
    public object? Content { get; set; }

    public string? Name { get; set; }

    public string? ThumbnailUrl { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
