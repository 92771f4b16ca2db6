using System.Globalization;

namespace FirstLine.Benchmarks.KbSearch;

/// <summary>
/// Writes a knowledge base of N generated articles (half English, half German) in the real article format,
/// and queries against it: paraphrases of its questions and questions no article answers. Seeded, so two
/// runs search the same index with the same queries.
/// </summary>
/// <remarks>
/// Every article is one IT thing (a device, an app, a service) with a made-up product name, one of a few
/// faults, and a body of support vocabulary: the shape of the shipped knowledge base, scaled up, with a
/// vocabulary that grows with the article count like a real one.
/// </remarks>
internal sealed class SyntheticKnowledgeBase
{
    private static readonly string[] ThingsEn =
        ["printer", "laptop", "monitor", "keyboard", "mouse", "headset", "webcam", "docking station", "phone", "tablet",
         "vpn", "wifi", "network drive", "mailbox", "calendar", "teams meeting", "browser", "password", "account", "licence",
         "scanner", "projector", "badge reader", "shared folder", "database", "intranet", "ticket portal", "backup", "firewall", "router"];

    private static readonly string[] ThingsDe =
        ["Drucker", "Laptop", "Bildschirm", "Tastatur", "Maus", "Headset", "Webcam", "Dockingstation", "Telefon", "Tablet",
         "VPN", "WLAN", "Netzlaufwerk", "Postfach", "Kalender", "Teams-Besprechung", "Browser", "Passwort", "Konto", "Lizenz",
         "Scanner", "Beamer", "Ausweisleser", "Gruppenordner", "Datenbank", "Intranet", "Ticketportal", "Sicherung", "Firewall", "Router"];

    private static readonly string[] FaultsEn =
        ["does not start", "is very slow", "shows an error", "keeps disconnecting", "cannot be found", "stopped working",
         "asks for a password again and again", "is locked", "needs an update", "has no access"];

    private static readonly string[] FaultsDe =
        ["startet nicht", "ist sehr langsam", "zeigt einen Fehler", "trennt ständig die Verbindung", "wird nicht gefunden",
         "funktioniert nicht mehr", "fragt immer wieder nach dem Passwort", "ist gesperrt", "braucht ein Update", "hat keinen Zugriff"];

    private static readonly string[] Syllables = ["ka", "lo", "mi", "ne", "ro", "su", "ta", "vi", "xe", "zu", "bra", "cle", "dro", "fin", "gal", "hex"];

    private static readonly string[] OutOfScopeEn =
        ["what is the weather tomorrow in hamburg", "book me a table for two tonight", "how many vacation days do I have left",
         "what is the capital of australia", "recommend a good recipe for apple pie", "when is the next staff meeting"];

    private static readonly string[] OutOfScopeDe =
        ["Wie wird das Wetter morgen in Hamburg?", "Reservieren Sie mir einen Tisch für zwei", "Wie viele Urlaubstage habe ich noch?",
         "Was ist die Hauptstadt von Australien?", "Haben Sie ein Rezept für Apfelkuchen?", "Wann ist die nächste Betriebsversammlung?"];

    private readonly Random random;
    private readonly List<(string Language, string Product, int Thing, int Fault)> articles = [];

    public SyntheticKnowledgeBase(int seed) => random = new Random(seed);

    /// <summary>Writes <paramref name="count"/> articles as <c>en/</c> and <c>de/</c> files under <paramref name="folder"/>.</summary>
    public async Task WriteAsync(string folder, int count, CancellationToken ct)
    {
        for (var i = 0; i < count; i++)
        {
            var language = i % 2 == 0 ? "en" : "de";
            var entry = (language, Product(), random.Next(ThingsEn.Length), random.Next(FaultsEn.Length));
            articles.Add(entry);
            var file = Path.Combine(folder, language, $"{Id(i)}.md");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, Article(i, entry), ct);
        }
    }

    /// <summary>Queries in both languages: nine in ten rephrase an article's question, one in ten no article answers.</summary>
    public IReadOnlyList<BenchmarkQuery> Queries(int count)
    {
        var queries = new List<BenchmarkQuery>(count);
        for (var i = 0; i < count; i++)
        {
            if (i % 10 == 9)
            {
                var english = random.Next(2) == 0;
                queries.Add(english
                    ? new BenchmarkQuery(OutOfScopeEn[random.Next(OutOfScopeEn.Length)], "en", null)
                    : new BenchmarkQuery(OutOfScopeDe[random.Next(OutOfScopeDe.Length)], "de", null));
                continue;
            }

            var number = random.Next(articles.Count);
            var (language, product, thing, fault) = articles[number];
            var id = Id(number);
            queries.Add(language == "en"
                ? new BenchmarkQuery($"hi, my {product} {ThingsEn[thing]} {FaultsEn[fault]} since this morning", "en", id)
                : new BenchmarkQuery($"Hallo, mein {product} {ThingsDe[thing]} {FaultsDe[fault]} seit heute Morgen", "de", id));
        }

        return queries;
    }

    private static string Id(int number) => string.Create(CultureInfo.InvariantCulture, $"a{number:D5}");

    private string Product() =>
        string.Concat(Enumerable.Range(0, 2 + random.Next(2)).Select(_ => Syllables[random.Next(Syllables.Length)]));

    private static string Article(int number, (string Language, string Product, int Thing, int Fault) a)
    {
        var (thing, fault) = a.Language == "en" ? (ThingsEn[a.Thing], FaultsEn[a.Fault]) : (ThingsDe[a.Thing], FaultsDe[a.Fault]);
        var questions = a.Language == "en"
            ? new[] { $"My {a.Product} {thing} {fault}", $"The {a.Product} {thing} {fault} again", $"{a.Product} {thing}: {fault}", $"Help, {a.Product} {fault}" }
            : [$"Mein {a.Product} {thing} {fault}", $"Der {a.Product} {thing} {fault} schon wieder", $"{a.Product} {thing}: {fault}", $"Hilfe, {a.Product} {fault}"];
        var body = a.Language == "en"
            ? $"1. Restart the {a.Product} {thing}.\n2. Check the cable, the network and the latest updates.\n3. If the {thing} still {fault}, reply here and we open a ticket for the {a.Product} team."
            : $"1. Starten Sie {a.Product} {thing} neu.\n2. Prüfen Sie Kabel, Netzwerk und die neuesten Updates.\n3. Wenn {thing} weiterhin {fault}, antworten Sie hier, und wir eröffnen ein Ticket für das {a.Product}-Team.";
        return string.Create(CultureInfo.InvariantCulture, $"""
            ---
            id: {Id(number)}
            language: {a.Language}
            title: "{a.Product} {thing} {fault}"
            category: generated
            questions:
            {string.Join('\n', questions.Select(q => $"  - \"{q}\""))}
            tags: [{a.Product}, "{thing}"]
            ---

            {body}
            """);
    }
}

/// <summary>A benchmark query and the id of the article generated to answer it (null: none does).</summary>
internal sealed record BenchmarkQuery(string Text, string Language, string? Expected);
