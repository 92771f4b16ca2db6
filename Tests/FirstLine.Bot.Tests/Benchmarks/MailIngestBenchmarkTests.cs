using FirstLine.Benchmarks.MailIngest;
using FirstLine.Bot.Tests.Email;
using FirstLine.Bot.Tests.Support;

namespace FirstLine.Bot.Tests.Benchmarks;

/// <summary>
/// The <c>mail-ingest</c> benchmark measures what it claims: on a handful of mails against the real Dovecot, its filler
/// puts every mail into a fresh mailbox, the raw MailKit reader reads each one, and FirstLine makes each a ticket of
/// its own. Its speed is never asserted here.
/// </summary>
[Collection("Mail servers")]
public sealed class MailIngestBenchmarkTests : IDisposable
{
    private readonly TemporaryDirectory tickets = new("firstline-bench-corpus");

    public void Dispose() => tickets.Dispose();

    [Fact]
    public async Task Every_appended_mail_is_read_by_the_raw_client_and_becomes_its_own_ticket_in_FirstLine()
    {
        await MailServers.RequireAsync();
        await File.WriteAllTextAsync(Path.Combine(tickets.Path, "tickets-de.csv"), """
            subject,body,queue,priority,language
            Drucker druckt nicht,"Hallo, der Drucker im 2. Stock druckt nicht.
            Er zeigt ""Papierstau"", aber es klemmt kein Papier. Gruß, <name>",IT,low,de
            VPN bricht ab,Das VPN bricht seit heute Morgen alle zehn Minuten ab.,IT,high,de
            """);
        await File.WriteAllTextAsync(Path.Combine(tickets.Path, "tickets-multilang.csv"), """
            subject,body,answer,type,queue,priority,language
            Password reset,"I forgot my password, and the reset link has expired.",,Request,IT,medium,en
            Problema,Mi impresora no funciona.,,Incident,IT,low,es
            """);
        var options = MailIngestOptions.Parse(
            ["--mails", "7", "--warmup", "2", "--repetitions", "1", "--bot", "echo", "--imap", $"{MailServers.Imap.Host}:{MailServers.Imap.Port}", "--tickets", tickets.Path]);

        var result = await MailIngestBenchmark.MeasureAsync(options, CancellationToken.None);

        Assert.Equal(3, result.CorpusSize);
        var run = Assert.Single(result.Repetitions);
        Assert.True(run.Complete(options), MailIngestReport.Render(result));
        Assert.Equal(7, run.Raw.Mails);
        Assert.Equal(7, run.FirstLine.Mails);
        Assert.Equal(new MailOutcomes(Answered: 9, NotAnswered: 0, Failed: 0, DistinctTickets: 9), run.Outcomes);
        Assert.Equal((9, 0), (run.InProcessedFolder, run.LeftInInbox));
        Assert.Equal((0, 0), (run.Log.Warnings, run.Log.Errors));
    }
}
