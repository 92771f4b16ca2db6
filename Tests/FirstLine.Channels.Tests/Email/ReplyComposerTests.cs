using FirstLine.Channels.Email;
using MimeKit;

namespace FirstLine.Channels.Tests.Email;

public sealed class ReplyComposerTests
{
    private static readonly MailboxOptions Mailbox = new() { Address = "support@example.test", DisplayName = "FirstLine Support" };

    private static EmailReplyContext Context(string subject = "Drucker druckt nicht", string name = "Erika Mustermann") =>
        new(new MailboxAddress(name, "erika@kunde.example"), subject)
        {
            InReplyTo = "mail-2@kunde.example",
            References = ["root-1@kunde.example", "reply-1@example.test"],
            Locale = "de-DE",
            QuotedText = "Der Drucker druckt nicht.",
            QuotedFrom = name,
            QuotedDate = new DateTimeOffset(2026, 11, 30, 9, 15, 0, TimeSpan.FromHours(1)),
        };

    private static MimeMessage Roundtrip(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }

    [Fact]
    public void All_answers_of_a_turn_become_one_threaded_automatic_mail_with_the_ticket_number()
    {
        Activity[] answers = [Activity.CreateMessageActivity("Danke für Ihre Nachricht."), Activity.CreateTypingActivity(), Activity.CreateMessageActivity("Bitte starten Sie den Drucker neu.")];

        var mail = Roundtrip(ReplyComposer.Compose(Mailbox, Context(), answers, "FL-00042")!);

        Assert.Equal("Re: Drucker druckt nicht [FL-00042]", mail.Subject);
        Assert.Equal("mail-2@kunde.example", mail.InReplyTo);
        Assert.Equal(["root-1@kunde.example", "reply-1@example.test", "mail-2@kunde.example"], mail.References);
        Assert.Equal("auto-replied", mail.Headers[HeaderId.AutoSubmitted]);
        Assert.Equal("All", mail.Headers["X-Auto-Response-Suppress"]);
        Assert.EndsWith("@example.test", mail.MessageId, StringComparison.Ordinal);
        Assert.Equal("support@example.test", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal("erika@kunde.example", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Contains("Danke für Ihre Nachricht.\n\nBitte starten Sie den Drucker neu.", mail.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Am 30.11.2026 um 09:15 schrieb Erika Mustermann:\n> Der Drucker druckt nicht.", mail.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<p>Bitte starten Sie den Drucker neu.</p>", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AW: Re: Drucker [FL-00042]", "Re: Drucker [FL-00042]")]
    [InlineData("RE: WG: Drucker", "Re: Drucker [FL-00042]")]
    [InlineData("", "Re: Ihre Anfrage [FL-00042]")]
    public void The_subject_keeps_one_Re_and_one_ticket_tag(string original, string expected)
    {
        Assert.Equal(expected, ReplyComposer.Subject(original, "FL-00042", german: true));
    }

    [Fact]
    public void Nothing_to_say_means_no_mail()
    {
        Assert.Null(ReplyComposer.Compose(Mailbox, Context(), [Activity.CreateTypingActivity()], "FL-00042"));
    }

    [Fact]
    public void CR_LF_in_a_subject_or_a_name_cannot_inject_a_header()
    {
        var context = Context(subject: "Hallo\r\nBcc: victim@example.test\r\nX-Evil: 1", name: "Eve\r\nBcc: victim2@example.test");

        var message = ReplyComposer.Compose(Mailbox, context, [Activity.CreateMessageActivity("Hallo\r\nBcc: victim3@example.test")], "FL-1")!;
        var mail = Roundtrip(message);

        Assert.Empty(mail.Bcc);
        Assert.False(mail.Headers.Contains("X-Evil"));
        Assert.Single(mail.To.Mailboxes);
        Assert.Equal("Re: Hallo Bcc: victim@example.test X-Evil: 1 [FL-1]", mail.Subject);
        Assert.Equal("Eve Bcc: victim2@example.test", Assert.Single(mail.To.Mailboxes).Name);
    }
}
