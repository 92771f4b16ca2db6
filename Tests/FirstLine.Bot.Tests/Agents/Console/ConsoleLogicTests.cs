using FirstLine.Bot.Agents.Console;
using FirstLine.Bot.Tickets;
using FirstLine.Channels.Schema;
using FirstLine.KnowledgeBase.Articles;

namespace FirstLine.Bot.Tests.Agents.Console;

public sealed class ConsoleLogicTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_queue_puts_the_earliest_SLA_deadline_first_then_the_higher_priority_and_tickets_without_deadline_last()
    {
        QueueItem Item(string number, TicketPriority priority, DateTimeOffset? due) =>
            new(number, "s", null, "q", SupportLevel.Second, TicketStatus.Open, priority, "de", null, null, null, due, Now);

        var sorted = TicketQueueQuery.Sort(
        [
            Item("none", TicketPriority.P1, null),
            Item("late-p4", TicketPriority.P4, Now.AddHours(2)),
            Item("soon-p3", TicketPriority.P3, Now.AddMinutes(10)),
            Item("soon-p1", TicketPriority.P1, Now.AddMinutes(10)),
        ]);

        Assert.Equal(["soon-p1", "soon-p3", "late-p4", "none"], sorted.Select(i => i.Number));
    }

    [Fact]
    public void The_deadline_that_matters_is_the_first_response_until_someone_answered_then_the_resolution()
    {
        var ticket = new TicketRow { Number = "FL-1", Channel = "directline", ConversationId = "c", Subject = "s", Description = "d", ETag = "e", FirstResponseDueAt = Now.AddHours(1), ResolutionDueAt = Now.AddHours(8) };
        Assert.Equal(Now.AddHours(1), TicketQueueQuery.DueAt(ticket));

        ticket.FirstRespondedAt = Now;
        Assert.Equal(Now.AddHours(8), TicketQueueQuery.DueAt(ticket));
    }

    [Theory]
    [InlineData(90 * 60, "en", "1h 30m")]
    [InlineData(125, "en", "2m 05s")]
    [InlineData(-300, "en", "overdue by 5m 00s")]
    [InlineData(-300, "de", "überfällig seit 5m 00s")]
    [InlineData(26 * 3600, "en", "1d 2h")]
    public void The_SLA_clock_reads_as_time_left_or_time_overdue(int seconds, string language, string expected) =>
        Assert.Equal(expected, SlaFormat.Remaining(Now.AddSeconds(seconds), Now, ConsoleTexts.For(language)));

    [Fact]
    public void The_transcript_tells_customer_bot_agent_and_notes_apart_in_time_order()
    {
        Activity Message(string from, string? role, string text, int minute) => new()
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount(from, from, role),
            Text = text,
            Timestamp = Now.AddMinutes(minute),
        };

        var entries = TicketTranscript.Merge(
            [
                Message("dl_anna", RoleTypes.User, "<img src=x onerror=alert(1)>", 0),
                Message("firstline", RoleTypes.Bot, "Let me get a colleague.", 1),
                Message("agent:7", RoleTypes.Bot, "Hello, Bernd here.", 3),
                new Activity { Type = ActivityTypes.Typing, From = new ChannelAccount("dl_anna", null, RoleTypes.User), Timestamp = Now },
            ],
            [new TicketNoteRow { Author = "agent:7", Text = "Called her back", CreatedAt = Now.AddMinutes(2) }]);

        Assert.Equal(
            [TranscriptSpeaker.Customer, TranscriptSpeaker.Bot, TranscriptSpeaker.InternalNote, TranscriptSpeaker.Agent],
            entries.Select(e => e.Speaker));
        Assert.Equal("<img src=x onerror=alert(1)>", entries[0].Text);
    }

    [Fact]
    public void A_canned_answer_is_the_article_title_with_its_numbered_steps()
    {
        var article = new Article
        {
            Id = "disk-full",
            Language = "en",
            Title = "Disk full",
            Category = "hardware",
            Questions = ["disk full"],
            Body = "Intro text.\n\n## How to fix it\n\n1. **Check:** open File Explorer.\n2. Empty the Recycle Bin.\n\nDo not delete C:\\Windows.",
        };

        Assert.Equal("Disk full\n\n1. **Check:** open File Explorer.\n2. Empty the Recycle Bin.", CannedAnswer.FromArticle(article));
    }

    [Theory]
    [InlineData("/agent/tickets/FL-00001", true)]
    [InlineData("/", true)]
    [InlineData("//evil.example/", false)]
    [InlineData("/\\evil.example/", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData(null, false)]
    public void Only_local_paths_are_followed_after_sign_in_or_a_language_switch(string? url, bool local) =>
        Assert.Equal(local, ConsoleLanguage.IsLocal(url));

    [Fact]
    public void Broken_bot_findings_on_a_ticket_show_as_absent_instead_of_breaking_the_page()
    {
        var ticket = new TicketRow { Number = "FL-1", Channel = "directline", ConversationId = "c", Subject = "s", Description = "d", ETag = "e", PriorityRationaleJson = "{not json", BotAttemptsJson = "[]" };

        var findings = BotFindings.From(ticket);

        Assert.Null(findings.Priority);
        Assert.Empty(findings.Attempts);
    }
}
