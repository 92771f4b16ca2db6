using System.Security.Cryptography;
using System.Text.RegularExpressions;
using FirstLine.Bot.Agents;
using FirstLine.Bot.Tests.Email;
using FirstLine.Bot.Tests.Support;
using FirstLine.Bot.Tickets;
using MimeKit;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.RealClients;

/// <summary>
/// Customers' mails as an agent meets them in the console, in Chromium (<c>Tests/clients/ticket-files.mjs</c>): the
/// mails go through Postfix and Dovecot and FirstLine polls them; a mail's script, event handlers, javascript: link,
/// frame and remote image do nothing while its words stay readable (the whole mail with its quoted history too), and its files are listed and downloaded — each
/// byte as it came — and only ever saved, never opened, and only by a signed-in agent.
/// </summary>
[Collection(RealClientsCollection.Name)]
public sealed partial class ConsoleMailFilesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string AgentEmail = "anna.files@example.test";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    // Own mailboxes: this collection runs beside the mail-server tests, which empty theirs.
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..8];
    private static readonly string Support = $"support-files-{RunId}@example.test";
    private static readonly string Customer = $"kunde-files-{RunId}@example.test";

    private const string HostileHtml = """
        <html><head><script>alert('xss-head')</script></head><body>
        <p>Der Drucker zeigt Fehler 50.4.</p>
        <script>alert('xss-script')</script>
        <img src=x onerror="alert('xss-img')">
        <img src="http://127.0.0.1:9/pixel.png">
        <img src="cid:shot@kunde.example.test">
        <iframe src="javascript:alert('xss-frame')"></iframe>
        <p><a href="javascript:alert('xss-link')" onclick="alert('xss-click')">Anleitung öffnen</a></p>
        </body></html>
        """;

    // The quoted history is cut from the conversation and shown, as text too, under "whole mail".
    private const string MarkupAsText = """
        Hier der Fehler: <script>alert('xss-text')</script> <img src=x onerror=alert('xss-text-img')> [Anleitung](javascript:alert('xss-md'))

        Am 30.11.2026 um 09:12 schrieb Support:
        > Bitte senden Sie <b onmouseover=alert('xss-quote')>das Protokoll</b>.
        """;

    private readonly TestOutputLoggerProvider log = new();
    private readonly string password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
    private EmailHost host = null!;

    public async Task InitializeAsync()
    {
        await MailServers.RequireAsync();
        host = await EmailHost.StartAsync(new ScriptedBot(), log, MailServers.MailboxArguments(Support));
        await host.Get<AgentDirectory>().CreateAsync(new NewAgent(AgentEmail, "Anna Berger", password, AgentRole.Agent, SupportLevel.Second), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        log.Dispose();
    }

    [Fact]
    public async Task A_mails_markup_does_nothing_in_the_console_and_its_files_are_listed_and_download_with_their_bytes_for_signed_in_agents_only()
    {
        var node = RealClientPrerequisites.RequireBrowserClient();
        using var serverLog = log.Attach(output);
        var pdf = RandomNumberGenerator.GetBytes(120_000);
        var htmlMail = await MailAsync(HtmlMail(pdf));
        var textMail = await MailAsync(CustomerMails.New("Fehler im Text", MarkupAsText, Customer));
        var environment = new Dictionary<string, string>
        {
            ["FIRSTLINE_URL"] = host.Host.BaseUrl,
            ["AGENT_EMAIL"] = AgentEmail,
            ["AGENT_PASSWORD"] = password,
            ["HTML_TICKET"] = htmlMail,
            ["TEXT_TICKET"] = textMail,
            ["CHROMIUM_PATH"] = RealClientPrerequisites.ChromiumPath,
            ["NO_COLOR"] = "1",
        };

        var result = await NodeProcess.RunAsync(node, ["ticket-files.mjs"], environment, output, Timeout);

        Assert.False(result.TimedOut, $"ticket-files.mjs did not finish within {Timeout}");
        Assert.True(result.ExitCode == 0, $"ticket-files.mjs exited with {result.ExitCode}; its output (and screenshot path) is above");
        var stored = (await host.RowsAsync<TicketAttachmentRow>()).ToDictionary(a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var downloaded = Downloaded().Matches(result.Output).Select(m => (Id: m.Groups["id"].Value, Sha: m.Groups["sha"].Value, Name: m.Groups["name"].Value.Trim())).ToList();
        Assert.Equal(2, downloaded.Count);
        Assert.All(downloaded, d => Assert.Equal((stored[d.Id].Sha256, stored[d.Id].FileName), (d.Sha, d.Name)));
        Assert.Contains(downloaded, d => d.Sha == Convert.ToHexStringLower(SHA256.HashData(pdf)));
    }

    private static MimeMessage HtmlMail(byte[] pdf)
    {
        var mail = CustomerMails.New("Drucker Fehler 50.4", string.Empty, Customer);
        var builder = new BodyBuilder { HtmlBody = HostileHtml };
        var image = builder.LinkedResources.Add("shot.png", RandomNumberGenerator.GetBytes(2048), new ContentType("image", "png"));
        image.ContentId = "shot@kunde.example.test";
        builder.Attachments.Add("Bericht \"Q3\" Übersicht.pdf", pdf, new ContentType("application", "pdf"));
        builder.Attachments.Add("seite.html", "<html><body><script>alert('xss-file')</script></body></html>"u8.ToArray(), new ContentType("text", "html"));
        mail.Body = builder.ToMessageBody();
        return mail;
    }

    /// <summary>Sends the mail through Postfix, lets FirstLine poll it and returns the ticket it opened.</summary>
    private async Task<string> MailAsync(MimeMessage mail)
    {
        mail.To.Clear();
        mail.To.Add(MailboxAddress.Parse(Support));
        var before = (await host.RowsAsync<TicketRow>()).Select(t => t.Number).ToHashSet();
        await MailServers.SendAsync(mail);
        await MailServers.WaitForAsync(Support, "INBOX", 1);
        var poll = await host.PollAndSendAsync();
        Assert.Equal(1, poll.Processed);
        return Assert.Single(await host.RowsAsync<TicketRow>(), t => !before.Contains(t.Number)).Number;
    }

    [GeneratedRegex(@"^FIRSTLINE:DOWNLOADED (?<id>\d+) (?<sha>[0-9a-f]{64}) (?<name>.+)$", RegexOptions.Multiline)]
    private static partial Regex Downloaded();
}
