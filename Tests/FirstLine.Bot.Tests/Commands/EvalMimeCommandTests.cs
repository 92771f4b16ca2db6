using System.Text.Json;
using FirstLine.Bot.Tests.Support;

namespace FirstLine.Bot.Tests.Commands;

public sealed class EvalMimeCommandTests(MailTreeFixture tree) : IClassFixture<MailTreeFixture>
{
    [Fact]
    public async Task Every_mail_of_the_tree_goes_through_the_pipeline_and_the_report_counts_tickets_failures_skips_and_duplicates()
    {
        var run = await CommandRun.RunAsync(["eval", "mime", "--dir", tree.Folder, "--json"]);

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        using var json = JsonDocument.Parse(run.LastLine);
        var report = json.RootElement;
        Assert.Equal(8, report.GetProperty("files").GetInt32());
        Assert.Equal(9, report.GetProperty("mails").GetInt32());
        Assert.Equal(4, report.GetProperty("tickets").GetInt32());
        Assert.Equal(4, report.GetProperty("distinctTickets").GetInt32());
        Assert.Equal(4, report.GetProperty("answers").GetInt32());
        Assert.Equal(1, report.GetProperty("duplicates").GetInt32());
        Assert.Equal(1, report.GetProperty("notAnswered").GetInt32());
        Assert.Equal(1, report.GetProperty("notAnsweredReasons").GetProperty("not answered: Auto-Submitted: auto-replied").GetInt32());
        Assert.Equal(3, report.GetProperty("failed").GetInt32());
        var failed = report.GetProperty("failedReasons");
        Assert.Equal(1, failed.GetProperty("The mail is empty.").GetInt32());
        Assert.Equal(1, failed.GetProperty("The mail has no sender: its From header is missing or holds no address.").GetInt32());
        Assert.Equal((0, 0), (report.GetProperty("timedOut").GetInt32(), report.GetProperty("errors").GetInt32()));
    }

    [Fact]
    public async Task The_text_report_names_the_groups_and_with_verbose_every_mail()
    {
        var run = await CommandRun.RunAsync(["eval", "mime", "--dir", tree.Folder, "--verbose"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("tickets: 4 mails became tickets (4 distinct), 4 answers written to the outbox (not sent)", run.Out, StringComparison.Ordinal);
        Assert.Contains("failed (to the Failed folder): 3", run.Out, StringComparison.Ordinal);
        Assert.Contains("mbox/two.mbox#2\tTicket", run.Out, StringComparison.Ordinal);
        Assert.Contains("good/drucker.eml\tDuplicate", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mails_held_back_by_the_per_sender_reply_limit_are_counted_as_tickets_without_an_automatic_answer()
    {
        using var folder = new TemporaryDirectory("firstline-eval-mime-limit");
        for (var i = 1; i <= 7; i++)
        {
            // Seven different requests of one customer within the hour: the default limit (5) answers five.
            await File.WriteAllTextAsync(
                Path.Combine(folder.Path, $"request-{i}.eml"),
                $"From: Klara Kunde <klara@kunde.example>\nTo: support@example.test\nSubject: Anfrage {i}\nMessage-ID: <limit-{i}@kunde.example>\n"
                + $"Date: Mon, 30 Nov 2026 09:0{i}:00 +0100\nContent-Type: text/plain; charset=utf-8\n\nDer Drucker Nummer {i} druckt nicht.\n");
        }

        var run = await CommandRun.RunAsync(["eval", "mime", "--dir", folder.Path, "--json"]);

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        using var json = JsonDocument.Parse(run.LastLine);
        var report = json.RootElement;
        Assert.Equal(7, report.GetProperty("tickets").GetInt32());
        Assert.Equal(5, report.GetProperty("answers").GetInt32());
        Assert.Equal(2, report.GetProperty("ticketsNotAnswered").GetInt32());
        var reason = Assert.Single(report.GetProperty("ticketsNotAnsweredReasons").EnumerateObject());
        Assert.StartsWith("automatic answer withheld: …@… got N automatic answers in the last hour", reason.Name, StringComparison.Ordinal);
        Assert.Equal(2, reason.Value.GetInt32());
        Assert.Contains("  of these on a ticket without an automatic answer: 2", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_that_does_not_exist_is_a_usage_error()
    {
        var run = await CommandRun.RunAsync(["eval", "mime", "--dir", Path.Combine(tree.Folder, "missing")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--dir: no such folder", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_database_file_is_refused_so_no_real_desk_gets_evaluation_tickets()
    {
        var run = await CommandRun.RunAsync(["eval", "mime", "--dir", tree.Folder, "--db", Path.Combine(tree.Folder, "good", "drucker.eml")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--db must name a new file", run.Error, StringComparison.Ordinal);
    }
}
