using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace FirstLine.Benchmarks.MailIngest;

/// <summary>The Markdown of a <c>mail-ingest</c> run: throughput and ratio per repetition, memory, and the checks.</summary>
internal static class MailIngestReport
{
    private const double MiB = 1024 * 1024;

    public static string Render(MailIngestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var options = result.Options;
        var text = new StringBuilder();
        void Line(FormattableString line) => text.Append(I(line)).Append('\n');
        void Joined(params FormattableString[] parts) => text.AppendJoin(string.Empty, parts.Select(I)).Append('\n');

        Line($"## Mail ingest: {options.Mails:N0} mails from Dovecot into tickets");
        Line($"");
        Joined($"{result.StartedAt:yyyy-MM-dd HH:mm} UTC · {options.Mails:N0} mails (after {options.Warmup} warm-up mails) × {options.Repetitions} repetition(s), each on a fresh mailbox and a fresh SQLite database · ",
            $"bot: {(options.SupportBot ? "the shipped support dialogs" : "echo")} · Dovecot {options.ImapHost}:{options.ImapPort} · {Environment.ProcessorCount} cores · {RuntimeInformation.FrameworkDescription} · ",
            $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC · load average {result.LoadAtStart:F1} at start, {result.LoadAtEnd:F1} at end");
        Line($"");
        Line($"| repetition | raw MailKit fetch + parse, mails/s | FirstLine into tickets, mails/s | FirstLine ÷ raw | FirstLine seconds |");
        Line($"|---:|---:|---:|---:|---:|");
        foreach (var r in result.Repetitions)
        {
            Line($"| {r.Repetition} | {r.Raw.MailsPerSecond:F0} | {r.FirstLine.MailsPerSecond:F1} | {r.FirstLine.MailsPerSecond / r.Raw.MailsPerSecond:F3}× | {r.FirstLine.Elapsed.TotalSeconds:F1} |");
        }

        var raw = Median(result.Repetitions.Select(r => r.Raw.MailsPerSecond));
        var firstLine = Median(result.Repetitions.Select(r => r.FirstLine.MailsPerSecond));
        Line($"| median | {raw:F0} | {firstLine:F1} | {firstLine / raw:F3}× | |");
        Line($"");
        Line($"Memory of this process (benchmark harness and FirstLine host together) while each scenario ran; the GC heap is the managed heap sampled every 50 ms, the working set what the OS counts:");
        Line($"");
        Line($"| repetition | scenario | GC heap peak MiB | working set peak MiB | allocated KiB per mail | CPU cores busy | gen-2 GCs |");
        Line($"|---:|---|---:|---:|---:|---:|---:|");
        foreach (var r in result.Repetitions)
        {
            foreach (var (name, s) in new[] { ("raw MailKit", r.Raw), ("FirstLine", r.FirstLine) })
            {
                Line($"| {r.Repetition} | {name} | {s.Usage.PeakGcHeapBytes / MiB:F0} | {s.Usage.PeakWorkingSetBytes / MiB:F0} | {s.Usage.AllocatedBytes / 1024.0 / Math.Max(1, s.Mails):F0} | {s.Usage.CpuCoresBusy:F2} | {s.Usage.Gen2Collections} |");
            }
        }

        Line($"");
        Joined($"Raw MailKit: log in, list the inbox (UID, size, envelope), then per mail `UID FETCH BODY.PEEK[]`, `MimeMessage.Load` and its text body. ",
            $"FirstLine: the mailbox's Quartz poll job (the one a scheduled poll or IMAP IDLE runs) from trigger until the database holds a ticket for every mail: ",
            $"list, download, read (quotes, signature, language), de-duplicate, thread, the per-sender answer limit, the bot's turn, ticket, answer into the outbox, ",
            $"commit, move to FirstLine/Processed. Every mail comes from its own sender, so the per-sender answer limit (Email:AutoReplyLimit:PerSenderPerHour) holds none back; ",
            $"the outbox's SMTP is a closed port, so sending is not measured. Bodies and subjects: {result.CorpusSize:N0} German and English tickets of shared/eval/tickets, in turn.");
        Line($"");
        Line($"Checks:");
        foreach (var r in result.Repetitions)
        {
            var o = r.Outcomes;
            Joined($"- repetition {r.Repetition}: {(r.Complete(options) ? "complete" : "INCOMPLETE")} — raw read {r.Raw.Mails}/{options.Mails} text bodies; FirstLine {r.FirstLine.Mails}/{options.Mails} new tickets; ",
                $"of all {options.Warmup + options.Mails} mails {o.Answered} answered, {o.NotAnswered} not answered (with a reason), {o.Failed} failed, {o.DistinctTickets} distinct tickets; ",
                $"{r.InProcessedFolder} in FirstLine/Processed, {r.LeftInInbox} left in the inbox; host log: {r.Log.Warnings} warning(s), {r.Log.Errors} error(s), and {r.OutboxComplaints} from the outbox about the closed SMTP port");
            foreach (var sample in r.Log.Samples)
            {
                Line($"  - {sample.ReplaceLineEndings(" ")}");
            }
        }

        return text.ToString();
    }

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
