using System.Globalization;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace FirstLine.Benchmarks.MailIngest;

/// <summary>
/// A fresh support mailbox on the test Dovecot for one repetition (every <c>@example.test</c> address is one), filled
/// over IMAP APPEND — far faster than SMTP delivery, and the same bytes a mail program would have sent. Each mail comes
/// from its own sender, so the per-sender limit on automatic answers (Email:AutoReplyLimit) never holds one back.
/// </summary>
internal sealed class BenchmarkMailbox(MailIngestOptions options, string address)
{
    private const int AppendBatch = 100;

    private int sent;

    public string Address { get; } = address;

    public static BenchmarkMailbox Fresh(MailIngestOptions options) =>
        new(options, $"bench-ingest-{Guid.NewGuid().ToString("N")[..10]}@example.test");

    /// <summary>Appends <paramref name="count"/> customer mails to the inbox, the corpus taken in order from where the last call stopped.</summary>
    public async Task FillAsync(IReadOnlyList<CorpusTicket> corpus, int count, CancellationToken cancellationToken)
    {
        using var client = await LoginAsync(cancellationToken);
        var mails = Enumerable.Range(sent, count).Select(i => NewMail(corpus[i % corpus.Count], i)).ToList();
        foreach (var batch in mails.Chunk(AppendBatch))
        {
            await client.Inbox.AppendAsync([.. batch.Select(m => (IAppendRequest)new AppendRequest(m))], cancellationToken);
        }

        sent += count;
        await client.DisconnectAsync(true, cancellationToken);
    }

    /// <summary>How many mails a folder holds (0 when it does not exist).</summary>
    public async Task<int> CountAsync(string folderName, CancellationToken cancellationToken)
    {
        using var client = await LoginAsync(cancellationToken);
        var folder = await FindAsync(client, folderName, cancellationToken);
        if (folder is null)
        {
            return 0;
        }

        await folder.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
        var count = folder.Count;
        await client.DisconnectAsync(true, cancellationToken);
        return count;
    }

    /// <summary>Deletes every mail of the mailbox, so the shared test server does not keep thousands of them.</summary>
    public async Task EmptyAsync(IEnumerable<string> folderNames, CancellationToken cancellationToken)
    {
        using var client = await LoginAsync(cancellationToken);
        foreach (var name in folderNames)
        {
            if (await FindAsync(client, name, cancellationToken) is { } folder)
            {
                await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
                if (folder.Count > 0)
                {
                    await folder.AddFlagsAsync(await folder.SearchAsync(SearchQuery.All, cancellationToken), MessageFlags.Deleted, true, cancellationToken);
                    await folder.ExpungeAsync(cancellationToken);
                }
            }
        }

        await client.DisconnectAsync(true, cancellationToken);
    }

    public async Task<ImapClient> LoginAsync(CancellationToken cancellationToken)
    {
        var client = new ImapClient();
        try
        {
            await client.ConnectAsync(options.ImapHost, options.ImapPort, SecureSocketOptions.None, cancellationToken);
            await client.AuthenticateAsync(Address, MailIngestOptions.Password, cancellationToken);
            return client;
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or AuthenticationException)
        {
            client.Dispose();
            throw new InvalidOperationException(
                $"The test Dovecot does not let {Address} in on {options.ImapHost}:{options.ImapPort} ({exception.Message}); start it (./test.sh or Tests/scripts/test-servers.sh) or pass --imap.",
                exception);
        }
    }

    private MimeMessage NewMail(CorpusTicket ticket, int index)
    {
        var message = new MimeMessage();
        var customer = index.ToString("D5", CultureInfo.InvariantCulture);
        message.From.Add(new MailboxAddress($"Customer {customer}", $"customer-{customer}-{Address.Split('@')[0]}@example.test"));
        message.To.Add(new MailboxAddress("Support", Address));
        message.Subject = ticket.Subject.Length > 0 ? ticket.Subject : "(no subject)";
        message.MessageId = $"{customer}.{Address.Split('@')[0]}@customers.example.test";
        message.Date = DateTimeOffset.UtcNow;
        var body = new TextPart("plain");
        body.SetText("utf-8", ticket.Body);
        message.Body = body;
        return message;
    }

    private static async Task<IMailFolder?> FindAsync(ImapClient client, string name, CancellationToken cancellationToken)
    {
        if (name == "INBOX")
        {
            return client.Inbox;
        }

        try
        {
            return await client.GetFolderAsync(name, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            return null;
        }
    }
}
