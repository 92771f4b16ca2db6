using System.Text.Json;
using System.Text.Json.Serialization;

namespace FirstLine.Channels.Schema;

/// <summary>
/// Metadata attached to an activity (mentions, places, client capabilities …). Everything but
/// <see cref="Type"/> is kept as raw JSON so entity types we do not know travel through untouched.
/// </summary>
public sealed class Entity
{
    public Entity()
    {
    }

    public Entity(string type) => Type = type;

    public string? Type { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
