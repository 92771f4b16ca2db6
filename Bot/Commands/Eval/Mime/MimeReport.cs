using System.Text.Json;
using System.Text.RegularExpressions;

namespace FirstLine.Bot.Commands.Eval.Mime;

/// <summary>What <c>eval mime</c> found: counts per outcome, reasons grouped, the mails that hung or threw.</summary>
/// <param name="Answers">answers the bot wrote to the outbox (not sent)</param>
internal sealed partial record MimeReport(string Folder, int Files, IReadOnlyList<MailOutcome> Mails, int Answers, TimeSpan Elapsed)
{
    public int Count(MailOutcomeKind kind) => Mails.Count(m => m.Kind == kind);

    public int Tickets => Mails.Where(m => m.Kind == MailOutcomeKind.Ticket).Select(m => m.TicketNumber).Distinct().Count();

    public IReadOnlyList<MailOutcome> Problems => [.. Mails.Where(m => m.IsProblem)];

    /// <summary>Reasons of one outcome with addresses, ids, quoted values and numbers masked, most frequent first.</summary>
    public IReadOnlyList<(string Reason, int Count)> Reasons(MailOutcomeKind kind) => Grouped(Mails.Where(m => m.Kind == kind));

    /// <summary>Mails that went onto a ticket without an automatic answer (the per-sender limit …), reasons grouped.</summary>
    public IReadOnlyList<(string Reason, int Count)> TicketsNotAnswered => Grouped(Mails.Where(m => m.Kind == MailOutcomeKind.Ticket && m.Reason is not null));

    private static List<(string Reason, int Count)> Grouped(IEnumerable<MailOutcome> mails) =>
        [.. mails
            .GroupBy(m => Generalize(m.Reason ?? string.Empty))
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(g => g.Item2)
            .ThenBy(g => g.Key, StringComparer.Ordinal)];

    public async Task WriteAsync(TextWriter output, bool verbose, bool json)
    {
        var slowest = Mails.MaxBy(m => m.Elapsed);
        await output.WriteLineAsync(Invariant.Text(
            $"# eval mime {Folder}: files={Files} mails={Mails.Count} in {Elapsed.TotalSeconds:F1} s (slowest: {slowest?.Mail ?? "-"} {slowest?.Elapsed.TotalSeconds ?? 0:F2} s)"));
        await output.WriteLineAsync(Invariant.Text(
            $"tickets: {Count(MailOutcomeKind.Ticket)} mails became tickets ({Tickets} distinct), {Answers} answers written to the outbox (not sent)"));
        await WriteGroupAsync(output, "  of these on a ticket without an automatic answer", TicketsNotAnswered);
        await WriteGroupAsync(output, "not answered (loop protection)", Reasons(MailOutcomeKind.NotAnswered));
        await WriteGroupAsync(output, "failed (to the Failed folder)", Reasons(MailOutcomeKind.Failed));
        await output.WriteLineAsync(Invariant.Text($"duplicates: {Count(MailOutcomeKind.Duplicate)} (Message-ID or content handled before in this run)"));
        await output.WriteLineAsync(Invariant.Text($"timed out: {Count(MailOutcomeKind.TimedOut)}, errors: {Count(MailOutcomeKind.Error)}"));
        foreach (var problem in Problems)
        {
            await output.WriteLineAsync($"  {problem.Kind}: {problem.Mail}: {problem.Reason}");
        }

        if (verbose)
        {
            foreach (var mail in Mails)
            {
                await output.WriteLineAsync(Invariant.Text($"{mail.Mail}\t{mail.Kind}\t{mail.TicketNumber ?? "-"}\t{mail.Elapsed.TotalMilliseconds:F0} ms\t{mail.Reason}"));
            }
        }

        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                folder = Folder,
                files = Files,
                mails = Mails.Count,
                tickets = Count(MailOutcomeKind.Ticket),
                distinctTickets = Tickets,
                answers = Answers,
                notAnswered = Count(MailOutcomeKind.NotAnswered),
                failed = Count(MailOutcomeKind.Failed),
                duplicates = Count(MailOutcomeKind.Duplicate),
                timedOut = Count(MailOutcomeKind.TimedOut),
                errors = Count(MailOutcomeKind.Error),
                ticketsNotAnswered = TicketsNotAnswered.Sum(r => r.Count),
                ticketsNotAnsweredReasons = TicketsNotAnswered.ToDictionary(r => r.Reason, r => r.Count),
                notAnsweredReasons = Reasons(MailOutcomeKind.NotAnswered).ToDictionary(r => r.Reason, r => r.Count),
                failedReasons = Reasons(MailOutcomeKind.Failed).ToDictionary(r => r.Reason, r => r.Count),
                problems = Problems.Select(p => new { mail = p.Mail, kind = p.Kind.ToString(), reason = p.Reason }),
                seconds = Math.Round(Elapsed.TotalSeconds, 2),
            }));
        }
    }

    private static string Generalize(string reason)
    {
        var masked = Quoted().Replace(reason, "'…'");
        masked = Angled().Replace(masked, "<…>");
        masked = Address().Replace(masked, "…@…");
        return Number().Replace(masked, "N");
    }

    private static async Task WriteGroupAsync(TextWriter output, string title, IReadOnlyList<(string Reason, int Count)> reasons)
    {
        await output.WriteLineAsync(Invariant.Text($"{title}: {reasons.Sum(r => r.Count)}"));
        foreach (var (reason, count) in reasons)
        {
            await output.WriteLineAsync(Invariant.Text($"  {count,4}  {reason}"));
        }
    }

    [GeneratedRegex("'[^']*'")]
    private static partial Regex Quoted();

    [GeneratedRegex("<[^<>]*>")]
    private static partial Regex Angled();

    [GeneratedRegex(@"[^\s<>;:'""]+@[^\s<>;:'""]+")]
    private static partial Regex Address();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
