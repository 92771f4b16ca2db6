using System.Text.Json;
using FirstLine.Dialogs.Tests.Support.TestSupport;

namespace FirstLine.Dialogs.Tests.Support.Conversations;

/// <summary>A scripted customer conversation: what the customer writes, turn by turn, and how it should end.</summary>
public sealed record ConversationScript(string Id, string Mood, string? Locale, string? Channel, IReadOnlyList<string> Turns, ExpectedOutcome Expect)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public override string ToString() => Id;

    /// <summary>All scripts in <c>Support/Conversations/*.json</c>, read from the source tree (the same files the Direct Line run uses).</summary>
    public static IReadOnlyList<ConversationScript> LoadAll() =>
        [.. Directory.GetFiles(SupportTestHost.RepositoryPath("Tests", "FirstLine.Dialogs.Tests", "Support", "Conversations"), "*.json")
            .Order(StringComparer.Ordinal)
            .SelectMany(file => JsonSerializer.Deserialize<List<ConversationScript>>(File.ReadAllText(file), Json)
                ?? throw new InvalidDataException($"{file} holds no conversations."))];
}

/// <param name="Outcome"><c>resolved</c>, <c>escalated</c> or <c>withdrawn</c></param>
/// <param name="Article">the article that solved it, for <c>resolved</c></param>
/// <param name="MinPriority">the least urgent priority acceptable for <c>escalated</c>, e.g. <c>P2</c></param>
public sealed record ExpectedOutcome(string Outcome, string? Article = null, string? MinPriority = null);
