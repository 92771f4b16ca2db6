using System.Text.Json;

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
