using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace FirstLine.Bot.Tests.Email;

/// <summary>
/// The real Dovecot (IMAP) and Postfix (SMTP → LMTP → Dovecot) that <c>./test.sh</c> starts, seen from a customer's
/// or an admin's MailKit client. A server that does not answer FAILS the test (never skips), naming ./test.sh.
/// </summary>
public static class MailServers
{
    public const string Password = "secret";
    // Every @example.test address is a mailbox on the test Dovecot, so each test process gets its own pair: two
    // test runs at the same time (two worktrees, or a benchmark beside ./test.sh) never empty each other's inboxes.
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..8];

    public static readonly string Support = $"support-{RunId}@example.test";
    public static readonly string Customer = $"kunde-{RunId}@example.test";
    public const string ProcessedFolder = "FirstLine/Processed";
    public const string FailedFolder = "FirstLine/Failed";

    public static (string Host, int Port) Imap => Endpoint("FIRSTLINE_TEST_IMAP", 1143);

    public static (string Host, int Port) Smtp => Endpoint("FIRSTLINE_TEST_SMTP", 2525);

    /// <summary>Fails the test with a clear message when Dovecot or Postfix is not reachable.</summary>
    public static async Task RequireAsync()
    {
        foreach (var (name, (host, port)) in new[] { ("Dovecot (IMAP)", Imap), ("Postfix (SMTP)", Smtp) })
        {
            using var tcp = new TcpClient();
            try
            {
                await tcp.ConnectAsync(host, port).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception exception) when (exception is SocketException or TimeoutException)
            {
                throw new InvalidOperationException(
                    $"Mail server test cannot run: {name} does not answer on {host}:{port} ({exception.Message}). Run ./test.sh from the repository root; it installs and starts Dovecot and Postfix (Tests/scripts/test-servers.sh).",
                    exception);
            }
        }
    }

    /// <summary>
    /// One mailbox (<paramref name="address"/>, default <see cref="Support"/>) on the test servers; polled only when a test
    /// asks, unless <paramref name="pollInBackground"/>.
    /// </summary>
    public static string[] MailboxArguments(string? address = null, bool pollInBackground = false) =>
    [
        $"--Email:PollInBackground={pollInBackground}",
        $"--Email:Mailboxes:0:Address={address ?? Support}",
        "--Email:Mailboxes:0:DisplayName=FirstLine Support",
        $"--Email:Mailboxes:0:Imap:Host={Imap.Host}",
        $"--Email:Mailboxes:0:Imap:Port={Imap.Port}",
        "--Email:Mailboxes:0:Imap:Security=None",
        $"--Email:Mailboxes:0:Imap:User={address ?? Support}",
        $"--Email:Mailboxes:0:Imap:Password={Password}",
        $"--Email:Mailboxes:0:Smtp:Host={Smtp.Host}",
        $"--Email:Mailboxes:0:Smtp:Port={Smtp.Port}",
        "--Email:Mailboxes:0:Smtp:Security=None",
        "--Email:Mailboxes:0:PollSeconds=5",
    ];

    /// <summary>Sends a mail through Postfix, as a customer's mail program would.</summary>
    public static async Task SendAsync(MimeMessage message)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(Smtp.Host, Smtp.Port, SecureSocketOptions.None);
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
    }

    /// <summary>Sends a customer's mail through Postfix and waits until Dovecot has put it into the support inbox.</summary>
    public static async Task SendToSupportAsync(MimeMessage message)
    {
        await SendAsync(message);
        await WaitForAsync(Support, "INBOX", 1);
    }

    /// <summary>Puts raw bytes straight into a mailbox's inbox (Postfix would repair broken MIME on the way).</summary>
    public static async Task AppendRawAsync(string user, byte[] raw)
    {
        using var client = await LoginAsync(user);
        using var stream = new MemoryStream(raw);
        var message = await MimeMessage.LoadAsync(stream);
        stream.Position = 0;
        await client.Inbox.AppendAsync(new AppendRequest(message));
        await client.DisconnectAsync(true);
    }

    /// <summary>Empties the inbox and FirstLine's folders of <paramref name="user"/>.</summary>
    public static async Task ClearAsync(string user)
    {
        using var client = await LoginAsync(user);
        foreach (var name in new[] { "INBOX", ProcessedFolder, FailedFolder })
        {
            var folder = await FindFolderAsync(client, name);
            if (folder is null)
            {
                continue;
            }

            await folder.OpenAsync(FolderAccess.ReadWrite);
            if (folder.Count > 0)
            {
                await folder.AddFlagsAsync(await folder.SearchAsync(SearchQuery.All), MessageFlags.Deleted, true);
                await folder.ExpungeAsync();
            }
        }

        await client.DisconnectAsync(true);
    }

    /// <summary>The mails in a folder (none when it does not exist yet).</summary>
    public static async Task<IReadOnlyList<MimeMessage>> ReadAsync(string user, string folderName)
    {
        using var client = await LoginAsync(user);
        var folder = await FindFolderAsync(client, folderName);
        if (folder is null)
        {
            return [];
        }

        await folder.OpenAsync(FolderAccess.ReadOnly);
        var messages = new List<MimeMessage>();
        foreach (var uid in await folder.SearchAsync(SearchQuery.All))
        {
            messages.Add(await folder.GetMessageAsync(uid));
        }

        await client.DisconnectAsync(true);
        return messages;
    }

    /// <summary>Waits until a folder holds at least <paramref name="count"/> mails (delivery through Postfix takes a moment).</summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string user, string folderName, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var messages = await ReadAsync(user, folderName);
            if (messages.Count >= count)
            {
                return messages;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{user}'s {folderName} holds {messages.Count} mail(s) after {timeout ?? TimeSpan.FromSeconds(30)}, expected {count}. Subjects: {string.Join(" | ", messages.Select(m => m.Subject))}");
            }

            await Task.Delay(100);
        }
    }

    private static async Task<ImapClient> LoginAsync(string user)
    {
        var client = new ImapClient();
        await client.ConnectAsync(Imap.Host, Imap.Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(user, Password);
        return client;
    }

    private static async Task<IMailFolder?> FindFolderAsync(ImapClient client, string name)
    {
        if (name == "INBOX")
        {
            return client.Inbox;
        }

        try
        {
            return await client.GetFolderAsync(name);
        }
        catch (FolderNotFoundException)
        {
            return null;
        }
    }

    private static (string Host, int Port) Endpoint(string variable, int defaultPort)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return ("127.0.0.1", defaultPort);
        }

        var colon = value.LastIndexOf(':');
        return (value[..colon], int.Parse(value[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
