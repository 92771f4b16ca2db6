using System.Text.Json;
using System.Text.Json.Serialization;

namespace FirstLine.Channels.Schema;

/// <summary>Quick replies offered with a message; they disappear once the user answers.</summary>
public sealed class SuggestedActions
{
    public SuggestedActions()
    {
    }

    public SuggestedActions(IEnumerable<CardAction> actions, IEnumerable<string>? to = null)
    {
        Actions = [.. actions];
        To = to is null ? null : [.. to];
    }

    public IList<string>? To { get; set; }

    public IList<CardAction>? Actions { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
