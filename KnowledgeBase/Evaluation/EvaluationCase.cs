using System.Text.Json;
using System.Text.Json.Serialization;

namespace FirstLine.KnowledgeBase.Evaluation;

/// <summary>One line of a cases file: the text, its language, and the article that answers it (null: none).</summary>
internal sealed record EvaluationCase(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("language")] string? Language,
    [property: JsonPropertyName("expected")] string? Expected)
{
    public bool InScope => Expected is not null;

    public static List<EvaluationCase> Read(string path) =>
        [.. File.ReadLines(path)
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select((l, i) => JsonSerializer.Deserialize<EvaluationCase>(l)
                ?? throw new InvalidDataException($"{path}:{i + 1} is not a case object"))];
}
