using FirstLine.Channels.Email;
using MimeKit;

namespace FirstLine.Channels.Tests.Email;

public sealed class LoopProtectionTests
{
    private static readonly string[] Own = ["support@example.test"];

    private static MimeMessage Mail(string from = "kunde@example.test", params (string Name, string Value)[] headers)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("support@example.test"));
        message.Subject = "Hilfe";
        message.Body = new TextPart("plain") { Text = "Hallo" };
        foreach (var (name, value) in headers)
        {
            message.Headers.Add(name, value);
        }

        return message;
    }

    [Fact]
    public void An_ordinary_customer_mail_may_be_answered()
    {
        Assert.Null(LoopProtection.ReasonNotToAnswer(Mail(), Own));
        Assert.Null(LoopProtection.ReasonNotToAnswer(Mail(headers: ("Auto-Submitted", "no")), Own));
    }

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied")]
    [InlineData("Auto-Submitted", "auto-generated; owner-email=\"x@example.test\"")]
    [InlineData("Precedence", "bulk")]
    [InlineData("Precedence", "list")]
    [InlineData("Precedence", "junk")]
    [InlineData("List-Id", "<announce.example.test>")]
    [InlineData("X-Autoreply", "yes")]
    [InlineData("Return-Path", "<>")]
    public void Automatic_and_bulk_mail_gets_no_answer(string header, string value)
    {
        var reason = LoopProtection.ReasonNotToAnswer(Mail(headers: (header, value)), Own);

        Assert.NotNull(reason);
    }

    [Theory]
    [InlineData("MAILER-DAEMON@example.test")]
    [InlineData("postmaster@example.test")]
    [InlineData("noreply@shop.example")]
    [InlineData("no-reply@shop.example")]
    [InlineData("donotreply@shop.example")]
    [InlineData("bounces+123@lists.example")]
    [InlineData("Support@Example.test")]
    public void Machines_and_our_own_address_get_no_answer(string sender)
    {
        Assert.NotNull(LoopProtection.ReasonNotToAnswer(Mail(sender), Own));
    }
}
