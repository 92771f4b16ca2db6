using System.Text.RegularExpressions;
using MimeKit;

namespace FirstLine.Bot.Tests.Email;

/// <summary>Mails as the customer's mail program writes them: new requests and threaded replies.</summary>
public static partial class CustomerMails
{
    public static MimeMessage New(string subject, string text, string? from = null)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Klara Kunde", from ?? MailServers.Customer));
        message.To.Add(new MailboxAddress("Support", MailServers.Support));
        message.Subject = subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("kunde.example.test");
        message.Headers.Add(HeaderId.ContentLanguage, "de");
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    /// <summary>A reply to <paramref name="answered"/> with In-Reply-To and References, as any mail program sets them.</summary>
    public static MimeMessage ReplyTo(MimeMessage answered, string text)
    {
        var reply = New($"AW: {answered.Subject}", text);
        reply.InReplyTo = answered.MessageId;
        foreach (var id in answered.References.Append(answered.MessageId!))
        {
            reply.References.Add(id);
        }

        return reply;
    }

    /// <summary>The ticket number in a subject such as "Re: Drucker [FL-00042]".</summary>
    public static string TicketNumberIn(string? subject)
    {
        var match = TicketTag().Match(subject ?? string.Empty);
        Assert.True(match.Success, $"no ticket number in the subject '{subject}'");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"\[(FL-\d{5})\]")]
    private static partial Regex TicketTag();
}
