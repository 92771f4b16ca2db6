using System.Text.Json;
using System.Text.Json.Serialization;

namespace FirstLine.KnowledgeBase.Evaluation;

/// <summary>One line of a cases file: the text, its language, and the article that answers it (null: none).</summary>
/// <param name="Id">the case's name in reports; optional</param>
/// <param name="Text">what the customer wrote</param>
/// <param name="Language">its language; null lets the knowledge base detect it</param>
/// <param name="Expected">id of the article that answers it, or null when the right move is to escalate</param>
public sealed record EvaluationCase(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("language")] string? Language,
    [property: JsonPropertyName("expected")] string? Expected)
{
    public bool InScope => Expected is not null;

    /// <summary>Reads a JSON Lines file (one case object a line; blank lines are skipped).</summary>
    /// <exception cref="InvalidDataException">a line is not a case object with a <c>text</c>; the message names file and line</exception>
    public static async Task<IReadOnlyList<EvaluationCase>> ReadAsync(string path, CancellationToken ct)
    {
        var lines = await File.ReadAllLinesAsync(path, ct);
        var cases = new List<EvaluationCase>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                cases.Add(Parse(lines[i], $"{path}:{i + 1}"));
            }
        }

        return cases;
    }

    private static EvaluationCase Parse(string line, string where)
    {
        EvaluationCase? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<EvaluationCase>(line);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{where} is not valid JSON: {e.Message}", e);
        }

        return parsed is { Text.Length: > 0 }
            ? parsed
            : throw new InvalidDataException($"{where} is not a case: expected an object with a non-empty \"text\".");
    }
}
