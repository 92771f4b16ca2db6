using System.Globalization;

namespace FirstLine.Bot.Agents;

/// <summary>How agent ids and queue lists are written as text.</summary>
public static class AgentIds
{
    public static string Format(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);

    public static string NormalizeEmail(string email) => email.Trim().ToUpperInvariant();

    internal static IReadOnlyList<string> ParseQueues(string? queues) =>
        string.IsNullOrWhiteSpace(queues) ? [] : queues.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static string? JoinQueues(IEnumerable<string>? queues)
    {
        var list = queues?.Select(q => q.Trim().ToLowerInvariant()).Where(q => q.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return list is { Count: > 0 } ? string.Join(',', list) : null;
    }
}
