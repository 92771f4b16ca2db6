namespace FirstLine.KnowledgeBase;

/// <summary>Reads the word lists shipped inside this assembly.</summary>
internal static class EmbeddedData
{
    public static string ReadText(string name)
    {
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
            ?? throw new KnowledgeBaseException($"The embedded data file '{name}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Non-empty lines without <c>#</c> comments.</summary>
    public static IEnumerable<string> ReadLines(string name) =>
        ReadText(name).Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'));

    /// <summary>Whitespace-separated words of all lines, lower case.</summary>
    public static IEnumerable<string> ReadWords(string name) =>
        ReadLines(name).SelectMany(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Select(w => w.ToLowerInvariant());
}
