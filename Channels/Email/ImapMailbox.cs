using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;

namespace FirstLine.Channels.Email;

/// <summary>
/// One IMAP session on a support mailbox: lists the inbox against the high-water mark, downloads mail, and moves
/// handled mail to the processed or failed folder. Every server failure surfaces as <see cref="MailboxException"/>.
/// </summary>
public sealed class ImapMailbox : IAsyncDisposable
{
    private readonly ImapClient client = new();
    private readonly MailboxOptions options;
    private readonly Dictionary<MailDisposition, IMailFolder> targets = [];
    private IMailFolder? inbox;

    private ImapMailbox(MailboxOptions options) => this.options = options;

    public uint UidValidity => Inbox.UidValidity;

    private IMailFolder Inbox => inbox ?? throw new InvalidOperationException("The inbox is not open.");

    public static async Task<ImapMailbox> OpenAsync(MailboxOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mailbox = new ImapMailbox(options);
        try
        {
            await MailConnection.ConnectAsync(mailbox.client, options.Imap, 143, 993, "IMAP", cancellationToken).ConfigureAwait(false);
            mailbox.inbox = await mailbox.GetFolderAsync(options.Folders.Inbox, create: false, cancellationToken).ConfigureAwait(false);
            await mailbox.inbox.OpenAsync(FolderAccess.ReadWrite, cancellationToken).ConfigureAwait(false);
            return mailbox;
        }
        catch (Exception exception) when (MailConnection.IsMailFailure(exception))
        {
            await mailbox.DisposeAsync().ConfigureAwait(false);
            throw new MailboxException($"Cannot open the inbox '{options.Folders.Inbox}' of {options.Address}: {exception.Message}", exception);
        }
        catch
        {
            await mailbox.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Lists the inbox and sorts it into new mail and mail already handled, by <paramref name="stored"/>.</summary>
    public async Task<InboxListing> ListAsync(MailboxCursor? stored, CancellationToken cancellationToken)
    {
        try
        {
            var summaries = Inbox.Count == 0
                ? []
                : await Inbox.FetchAsync(0, -1, MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.Envelope, cancellationToken).ConfigureAwait(false);
            var mails = summaries.Select(s => new InboxMail(s.UniqueId, s.Size, s.Envelope?.MessageId));
            return MailboxCursor.Sort(stored, Inbox.UidValidity, mails);
        }
        catch (Exception exception) when (MailConnection.IsMailFailure(exception))
        {
            throw new MailboxException($"Listing the inbox of {options.Address} failed: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// The raw mail as stored on the server, seekable. MailKit already holds the downloaded literal in memory, so that
    /// stream is handed on as it is instead of being copied once more (a 25 MB attachment is ~34 MB of raw mail).
    /// </summary>
    public async Task<Stream> DownloadAsync(UniqueId uid, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await Inbox.GetStreamAsync(uid, cancellationToken).ConfigureAwait(false);
            if (stream.CanSeek)
            {
                return stream;
            }

            await using (stream)
            {
                return await RawMail.SeekableAsync(stream, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (MailConnection.IsMailFailure(exception))
        {
            throw new MailboxException($"Downloading mail {uid} from {options.Address} failed: {exception.Message}", exception);
        }
    }

    /// <summary>Moves a handled mail out of the inbox (creating the folder the first time).</summary>
    public async Task MoveAsync(UniqueId uid, MailDisposition disposition, CancellationToken cancellationToken)
    {
        try
        {
            if (!targets.TryGetValue(disposition, out var target))
            {
                var name = disposition == MailDisposition.Processed ? options.Folders.Processed : options.Folders.Failed;
                target = await GetFolderAsync(name, create: true, cancellationToken).ConfigureAwait(false);
                targets[disposition] = target;
            }

            if (client.Capabilities.HasFlag(ImapCapabilities.Move))
            {
                await Inbox.MoveToAsync(uid, target, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Inbox.CopyToAsync(uid, target, cancellationToken).ConfigureAwait(false);
                await Inbox.AddFlagsAsync(uid, MessageFlags.Deleted, true, cancellationToken).ConfigureAwait(false);
                await Inbox.ExpungeAsync([uid], cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (MailConnection.IsMailFailure(exception))
        {
            throw new MailboxException($"Moving mail {uid} of {options.Address} to {disposition} failed: {exception.Message}", exception);
        }
    }

    /// <summary>Mail in any folder matching <paramref name="query"/> (tests and diagnostics).</summary>
    public async Task<IList<UniqueId>> SearchAsync(string folder, SearchQuery query, CancellationToken cancellationToken)
    {
        var open = await GetFolderAsync(folder, create: false, cancellationToken).ConfigureAwait(false);
        await open.OpenAsync(FolderAccess.ReadOnly, cancellationToken).ConfigureAwait(false);
        return await open.SearchAsync(query, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(true, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (MailConnection.IsMailFailure(exception))
            {
                // The session is over either way; a failed LOGOUT changes nothing for the mail.
            }
        }

        client.Dispose();
    }

    private async Task<IMailFolder> GetFolderAsync(string name, bool create, CancellationToken cancellationToken)
    {
        if (string.Equals(name, "INBOX", StringComparison.OrdinalIgnoreCase))
        {
            return client.Inbox;
        }

        var personal = client.GetFolder(client.PersonalNamespaces[0]) ?? throw new MailboxException($"{options.Address} has no personal namespace.");
        var segments = name.Split(['/', personal.DirectorySeparator], StringSplitOptions.RemoveEmptyEntries);
        var path = string.Join(personal.DirectorySeparator, segments);
        try
        {
            return await client.GetFolderAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (FolderNotFoundException) when (create)
        {
            IMailFolder folder = personal;
            foreach (var segment in segments)
            {
                var subfolders = await folder.GetSubfoldersAsync(false, cancellationToken).ConfigureAwait(false);
                var existing = subfolders.FirstOrDefault(f => f.Name == segment);
                folder = existing ?? await folder.CreateAsync(segment, true, cancellationToken).ConfigureAwait(false)
                    ?? throw new MailboxException($"{options.Address} could not create the folder '{name}'.");
            }

            return folder;
        }
    }
}
