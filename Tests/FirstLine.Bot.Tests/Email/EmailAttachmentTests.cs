using System.Security.Cryptography;
using FirstLine.Bot.Email;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using MimeKit;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Email;

/// <summary>What a customer's mail carries, through Postfix and Dovecot onto the ticket.</summary>
public abstract class EmailAttachmentTests(ITestOutputHelper output, StorageProvider provider) : MailServerTest(output, provider)
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public async Task A_25_MB_attachment_sent_through_Postfix_is_stored_on_the_ticket_with_its_SHA_256()
    {
        var file = RandomBytes(25 * MiB, seed: 25);
        await MailServers.SendToSupportAsync(WithFile("Logdatei", "report.zip", file));

        var poll = await Host.PollAndSendAsync();

        Assert.Equal(1, poll.Processed);
        var stored = Assert.Single(await Host.RowsAsync<TicketAttachmentRow>());
        Assert.Equal(("report.zip", "application/zip", 25 * MiB), (stored.FileName, stored.ContentType, stored.Bytes));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file)), stored.Sha256);
        Assert.Equal(file, stored.Content);
        Assert.Equal(Assert.Single(await Host.RowsAsync<TicketRow>()).Id, stored.TicketId);
        Assert.Single(await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 1));
    }

    [Fact]
    public async Task An_attachment_over_the_limit_is_noted_on_the_ticket_not_stored_and_the_mail_is_still_answered()
    {
        await MailServers.SendToSupportAsync(WithFile("Bericht", "report.pdf", RandomBytes(26 * MiB, seed: 26)));

        var poll = await Host.PollAndSendAsync();

        Assert.Equal((1, 0), (poll.Processed, poll.Failed));
        Assert.Empty(await Host.RowsAsync<TicketAttachmentRow>());
        var note = Assert.Single(await Host.RowsAsync<TicketNoteRow>());
        Assert.Contains("report.pdf, 26 MB, over the 25 MB limit — kept in the mailbox, not imported", note.Text, StringComparison.Ordinal);
        Assert.Equal(EmailOutcome.Processed, Assert.Single(await Host.RowsAsync<EmailMessageRow>()).Outcome);
        Assert.Single(await MailServers.ReadAsync(MailServers.Support, MailServers.ProcessedFolder));
        Assert.Single(await MailServers.WaitForAsync(MailServers.Customer, "INBOX", 1));
    }

    [Fact]
    public async Task An_inline_image_is_stored_flagged_inline_with_its_Content_ID_beside_the_attached_file()
    {
        var mail = CustomerMails.New("Fehlermeldung", "siehe Bild");
        var builder = new BodyBuilder { TextBody = "Siehe Bild.", HtmlBody = "<p>Siehe Bild: <img src=\"cid:shot@kunde.example.test\"></p>" };
        var image = builder.LinkedResources.Add("shot.png", RandomBytes(2048, seed: 1), new ContentType("image", "png"));
        image.ContentId = "shot@kunde.example.test";
        builder.Attachments.Add("log.txt", "Fehler 0x80070005"u8.ToArray(), new ContentType("text", "plain"));
        mail.Body = builder.ToMessageBody();
        await MailServers.SendToSupportAsync(mail);

        await Host.PollAndSendAsync();

        var files = (await Host.RowsAsync<TicketAttachmentRow>()).OrderBy(f => f.FileName, StringComparer.Ordinal).ToList();
        Assert.Equal(["log.txt", "shot.png"], files.Select(f => f.FileName));
        Assert.Equal((false, null), (files[0].Inline, files[0].ContentId));
        Assert.Equal((true, "shot@kunde.example.test"), (files[1].Inline, files[1].ContentId));
        Assert.All(files, f => Assert.Equal(mail.MessageId, f.SourceMessageId));
    }

    private static MimeMessage WithFile(string subject, string fileName, byte[] content)
    {
        var mail = CustomerMails.New(subject, "Die Datei ist angehängt.");
        var builder = new BodyBuilder { TextBody = "Die Datei ist angehängt." };
        builder.Attachments.Add(fileName, content);
        mail.Body = builder.ToMessageBody();
        return mail;
    }

    private static byte[] RandomBytes(long count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}

public sealed class EmailAttachmentOnSqliteTests(ITestOutputHelper output) : EmailAttachmentTests(output, StorageProvider.Sqlite);

public sealed class EmailAttachmentOnPostgreSqlTests(ITestOutputHelper output) : EmailAttachmentTests(output, StorageProvider.PostgreSql);
