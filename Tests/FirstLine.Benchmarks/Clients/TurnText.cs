using System.Text.Json;

namespace FirstLine.Benchmarks.Clients;

/// <summary>What a simulated user says: unique per user and turn, so each reply can be matched to its message.</summary>
internal static class TurnText
{
    public static string Message(int user, int turn) => $"benchmark user {user} turn {turn}";

    /// <summary>The placeholder echo bot's English reply (Bot/Conversations/PlaceholderEchoBot.cs).</summary>
    public static string ExpectedReply(int user, int turn) => $"You said: {Message(user, turn)}";

    /// <summary>The message activity as a Direct Line client posts it.</summary>
    public static string Activity(int user, int turn) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["type"] = "message",
        ["locale"] = "en-US",
        ["text"] = Message(user, turn),
    });
}
