using System.Text;

namespace FirstLine.Benchmarks.MailIngest;

/// <summary>A customer request from the ticket corpus: what becomes one mail's subject and text.</summary>
internal sealed record CorpusTicket(string Subject, string Body, string Language);

/// <summary>
/// The German and English tickets of <c>shared/eval/tickets</c> ("Multilingual Customer Support Tickets", synthetic, CC BY-NC,
/// evaluation only): all of <c>tickets-de.csv</c> and the English rows of <c>tickets-multilang.csv</c>, taken in turn
/// (de, en, de, en …) so any prefix holds both languages.
/// </summary>
internal static class TicketCorpus
{
    public static IReadOnlyList<CorpusTicket> Load(string directory)
    {
        var german = Read(Path.Combine(directory, "tickets-de.csv"), language => language == "de");
        var english = Read(Path.Combine(directory, "tickets-multilang.csv"), language => language == "en");
        if (german.Count == 0 || english.Count == 0)
        {
            throw new InvalidDataException($"{directory} holds {german.Count} German and {english.Count} English tickets; the benchmark needs both.");
        }

        var mixed = new List<CorpusTicket>(german.Count + english.Count);
        for (var i = 0; i < Math.Max(german.Count, english.Count); i++)
        {
            mixed.AddRange(new[] { german.ElementAtOrDefault(i), english.ElementAtOrDefault(i) }.OfType<CorpusTicket>());
        }

        return mixed;
    }

    private static List<CorpusTicket> Read(string path, Func<string, bool> wanted)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var rows = Csv.Read(reader).ToList();
        if (rows.Count == 0)
        {
            throw new InvalidDataException($"{path} is empty.");
        }

        var header = rows[0];
        int Column(string name) => header.IndexOf(name) is >= 0 and var at ? at : throw new InvalidDataException($"{path} has no '{name}' column.");
        var (subject, body, language) = (Column("subject"), Column("body"), Column("language"));
        return [.. rows.Skip(1)
            .Where(r => r.Count > Math.Max(body, language) && wanted(r[language]) && r[body].Trim().Length > 0)
            .Select(r => new CorpusTicket(r[subject].Trim(), r[body].Trim(), r[language]))];
    }
}
