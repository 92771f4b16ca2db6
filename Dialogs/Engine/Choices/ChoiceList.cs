using FirstLine.Channels.Schema;

namespace FirstLine.Dialogs.Engine;

/// <summary>Adds choices to a prompt activity the way the style and the channel allow.</summary>
internal static class ChoiceList
{
    /// <summary>Channels that cannot show buttons; a numbered list is the only way to offer choices there.</summary>
    private static readonly HashSet<string> ChannelsWithoutButtons = new(StringComparer.OrdinalIgnoreCase) { "email", "sms" };

    public static Activity Apply(Activity activity, IReadOnlyList<Choice> choices, ListStyle style, string? channelId)
    {
        if (choices.Count == 0 || style == ListStyle.None)
        {
            return activity;
        }

        if (style == ListStyle.SuggestedAction && !ChannelsWithoutButtons.Contains(channelId ?? string.Empty))
        {
            activity.SuggestedActions = new SuggestedActions(choices.Select(c => c.Action ?? CardAction.ImBack(c.Value)));
            return activity;
        }

        var lines = choices.Select((choice, index) => $"{index + 1}. {choice.Value}");
        var list = string.Join('\n', lines);
        activity.Text = string.IsNullOrEmpty(activity.Text) ? list : $"{activity.Text}\n\n{list}";
        return activity;
    }
}
