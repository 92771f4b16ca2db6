using FirstLine.Bot.Tests.Support;

namespace FirstLine.Bot.Tests.Commands;

/// <summary>
/// A four-article knowledge base (three English, one German) and cases for it: four the articles answer
/// and two no article answers. Small enough to read, distinct enough that every in-scope case is a clear answer.
/// </summary>
public sealed class EvaluationFixture : IDisposable
{
    private readonly TemporaryDirectory folder = new("firstline-eval");

    public EvaluationFixture()
    {
        Write("kb/en/printer.md", Article("printer", "en", "Printer does not print", "hardware",
            "My printer is not printing", "The printer stopped responding", "Print job stuck in the queue"));
        Write("kb/en/vpn.md", Article("vpn", "en", "VPN does not connect", "network",
            "The VPN does not connect", "VPN connection fails from home", "Cannot reach the VPN"));
        Write("kb/en/password.md", Article("password-reset", "en", "Reset your password", "accounts",
            "I forgot my password", "How do I reset my password", "Password reset"));
        Write("kb/de/drucker.md", Article("printer", "de", "Drucker druckt nicht", "hardware",
            "Mein Drucker druckt nicht", "Der Drucker reagiert nicht", "Druckauftrag hängt in der Warteschlange"));
        Write("cases.jsonl", string.Join('\n',
            """{"id": "c1", "text": "my printer is not printing anymore", "language": "en", "expected": "printer"}""",
            """{"id": "c2", "text": "the vpn does not connect from home", "language": "en", "expected": "vpn"}""",
            """{"id": "c3", "text": "I forgot my password", "language": null, "expected": "password-reset"}""",
            """{"id": "c4", "text": "Mein Drucker druckt nicht mehr", "language": "de", "expected": "printer"}""",
            """{"id": "o1", "text": "what is the capital of australia", "language": "en", "expected": null}""",
            """{"id": "o2", "text": "book me a table for two tonight", "language": "en", "expected": null}""",
            ""));
        Write("languages.jsonl", string.Join('\n',
            """{"text": "Mein Drucker druckt seit gestern nicht mehr, können Sie mir helfen?", "language": "de"}""",
            """{"text": "My printer has not been printing since yesterday, can you help me?", "language": "en"}""",
            """{"text": "Mon imprimante ne fonctionne plus depuis hier, pouvez-vous m'aider ?", "language": "fr"}""",
            """{"text": "Hello, the VPN is down again and I cannot work", "language": "de"}""",
            ""));
        Write("broken.jsonl", "{\"text\": \"fine\", \"language\": \"en\", \"expected\": null}\nthis is not json\n");
    }

    public string KnowledgeBase => Path.Combine(folder.Path, "kb");

    public string Cases => Path.Combine(folder.Path, "cases.jsonl");

    public string LanguageCases => Path.Combine(folder.Path, "languages.jsonl");

    public string BrokenCases => Path.Combine(folder.Path, "broken.jsonl");

    public string Missing => Path.Combine(folder.Path, "missing");

    public void Dispose() => folder.Dispose();

    private void Write(string relativePath, string text)
    {
        var file = Path.Combine(folder.Path, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
    }

    private static string Article(string id, string language, string title, string category, params string[] questions) =>
        $"""
        ---
        id: {id}
        language: {language}
        title: "{title}"
        category: {category}
        questions:
        {string.Join('\n', questions.Select(q => $"  - \"{q}\""))}
        ---

        Short steps for: {title}.
        """;
}
