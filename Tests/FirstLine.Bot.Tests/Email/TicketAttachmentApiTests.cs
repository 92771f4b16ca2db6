using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.Commands;
using FirstLine.Bot.Tests.Support;
using MimeKit;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Email;

/// <summary>
/// Agents read the files of a customer's mail through the ticket REST API: the mail goes through Postfix and Dovecot,
/// FirstLine polls it, and the API lists and serves what was stored — only ever as a download.
/// </summary>
public abstract class TicketAttachmentApiTests(ITestOutputHelper output, StorageProvider provider) : MailServerTest(output, provider)
{
    // Quotes, a CR/LF with a would-be header, umlauts and a path: what a hostile or sloppy mail program may send.
    private const string HostileName = "C:\\Temp\\Bericht \"Q3\"\r\nX-Injected: 1 Übersicht.pdf";
    private const string StoredName = "Bericht _Q3_ X-Injected_ 1 Übersicht.pdf";

    [Fact]
    public async Task A_mails_attachments_are_listed_and_download_with_the_same_bytes_and_SHA_256_as_safe_attachments()
    {
        var pdf = RandomBytes(300_000, seed: 3);
        var png = RandomBytes(4096, seed: 4);
        var ticket = await MailAsync(
            "Rechnung falsch",
            (HostileName, pdf, new ContentType("application", "pdf")),
            ("bild.png", png, new ContentType("image", "png")),
            ("seite.html", "<html><script>alert(1)</script></html>"u8.ToArray(), new ContentType("text", "html")),
            ("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray(), new ContentType("image", "svg+xml")));
        var key = await Host.CreateApiKeyAsync();

        var list = (await Host.ApiAsync(HttpMethod.Get, $"api/tickets/{ticket}/attachments", key)).EnumerateArray().ToList();

        Assert.Equal([StoredName, "bild.png", "seite.html", "logo.svg"], list.Select(a => a.GetProperty("fileName").GetString()));
        var first = list[0];
        Assert.Equal(("application/pdf", 300_000L, Sha256(pdf), false), (first.GetProperty("contentType").GetString(), first.GetProperty("size").GetInt64(), first.GetProperty("sha256").GetString(), first.GetProperty("inline").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("contentId").ValueKind);
        Assert.True(first.GetProperty("receivedAt").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);

        using var download = await SendAsync(first.GetProperty("href").GetString()!, key);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(pdf, bytes);
        Assert.Equal(Sha256(pdf), Sha256(bytes));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.False(download.Headers.Contains("X-Injected"));
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(StoredName, disposition.FileNameStar);
        Assert.Equal("Bericht _Q3_ X-Injected_ 1 _bersicht.pdf", disposition.FileName);
        Assert.Equal(
            "attachment; filename=\"Bericht _Q3_ X-Injected_ 1 _bersicht.pdf\"; filename*=UTF-8''Bericht%20_Q3_%20X-Injected_%201%20%C3%9Cbersicht.pdf",
            Assert.Single(download.Content.Headers.GetValues("Content-Disposition")));

        Assert.Equal("image/png", await DownloadedTypeAsync(list[1], key, png));
        Assert.Equal("application/octet-stream", await DownloadedTypeAsync(list[2], key, null));
        Assert.Equal("application/octet-stream", await DownloadedTypeAsync(list[3], key, null));
    }

    [Fact]
    public async Task Another_tickets_attachment_an_unknown_one_and_an_unknown_ticket_are_404_and_without_a_key_401()
    {
        var printer = await MailAsync("Drucker", ("drucker.txt", "Fehler 50.4"u8.ToArray(), new ContentType("text", "plain")));
        var vpn = await MailAsync("VPN", ("vpn.log", "timeout"u8.ToArray(), new ContentType("text", "plain")));
        Assert.NotEqual(printer, vpn);
        var key = await Host.CreateApiKeyAsync();
        var printerFile = Assert.Single((await Host.ApiAsync(HttpMethod.Get, $"api/tickets/{printer}/attachments", key)).EnumerateArray()).GetProperty("id").GetInt64();

        await AssertNotFoundAsync($"api/tickets/{vpn}/attachments/{printerFile}", key, "Attachment not found");
        await AssertNotFoundAsync($"api/tickets/{printer}/attachments/{printerFile + 1000}", key, "Attachment not found");
        await AssertNotFoundAsync($"api/tickets/FL-99999/attachments/{printerFile}", key, "Ticket not found");
        await AssertNotFoundAsync("api/tickets/FL-99999/attachments", key, "Ticket not found");

        foreach (var path in new[] { $"api/tickets/{printer}/attachments", $"api/tickets/{printer}/attachments/{printerFile}" })
        {
            using var anonymous = await SendAsync(path, key: null);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }
    }

    [Fact]
    public async Task The_customers_export_lists_their_mails_files_and_the_command_writes_each_beside_it_byte_for_byte()
    {
        var log = RandomBytes(50_000, seed: 7);
        var ticket = await MailAsync("Fehlerprotokoll", ("fehler \"neu\".log", log, new ContentType("text", "plain")));
        var key = await Host.CreateApiKeyAsync();

        var export = await Host.ApiAsync(HttpMethod.Get, $"api/customers/{MailServers.Customer}/export", key);

        var exported = export.GetProperty("tickets").EnumerateArray().Single(t => t.GetProperty("number").GetString() == ticket);
        var file = Assert.Single(exported.GetProperty("attachments").EnumerateArray());
        Assert.Equal(("fehler _neu_.log", 50_000L, Sha256(log), false), (file.GetProperty("fileName").GetString(), file.GetProperty("bytes").GetInt64(), file.GetProperty("sha256").GetString(), file.GetProperty("inline").GetBoolean()));
        var id = file.GetProperty("id").GetInt64();
        Assert.Equal($"{id}-fehler _neu_.log", file.GetProperty("file").GetString());

        using var folder = new TemporaryDirectory("firstline-export-files");
        var json = Path.Combine(folder.Path, "kunde.json");
        var files = Path.Combine(folder.Path, "dateien");
        string[] command = ["customer", "export", "--email", MailServers.Customer, "--out", json, "--files", files];
        var run = await CommandRun.RunWithAsync(command, Host.Host.StorageConfiguration());

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"to {json} and its 1 file(s) to {files}.", run.LastLine, StringComparison.Ordinal);
        Assert.Equal(log, await File.ReadAllBytesAsync(Path.Combine(files, $"{id}-fehler _neu_.log")));
        Assert.Contains(Sha256(log), await File.ReadAllTextAsync(json), StringComparison.Ordinal);

        // A second export into the same folder overwrites nothing and says why.
        var again = await CommandRun.RunWithAsync(command, Host.Host.StorageConfiguration());
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("customer export: the files could not be written:", again.Error, StringComparison.Ordinal);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
    }

    private async Task<string> MailAsync(string subject, params (string Name, byte[] Content, ContentType Type)[] files)
    {
        var mail = CustomerMails.New(subject, "Die Dateien sind angehängt.");
        var builder = new BodyBuilder { TextBody = "Die Dateien sind angehängt." };
        foreach (var (name, content, type) in files)
        {
            builder.Attachments.Add(name, content, type);
        }

        mail.Body = builder.ToMessageBody();
        var answersBefore = (await MailServers.ReadAsync(MailServers.Customer, "INBOX")).Count;
        await MailServers.SendToSupportAsync(mail);
        await Host.PollAndSendAsync();
        var answers = await MailServers.WaitForAsync(MailServers.Customer, "INBOX", answersBefore + 1);
        return CustomerMails.TicketNumberIn(answers.Single(a => a.InReplyTo == mail.MessageId).Subject);
    }

    private async Task<string?> DownloadedTypeAsync(JsonElement attachment, string key, byte[]? expected)
    {
        using var response = await SendAsync(attachment.GetProperty("href").GetString()!, key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        if (expected is not null)
        {
            Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync());
        }

        return response.Content.Headers.ContentType?.MediaType;
    }

    private async Task AssertNotFoundAsync(string path, string key, string title)
    {
        using var response = await SendAsync(path, key);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(title, JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await Host.Host.Http.SendAsync(request);
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}

public sealed class TicketAttachmentApiOnSqliteTests(ITestOutputHelper output) : TicketAttachmentApiTests(output, StorageProvider.Sqlite);

public sealed class TicketAttachmentApiOnPostgreSqlTests(ITestOutputHelper output) : TicketAttachmentApiTests(output, StorageProvider.PostgreSql);
