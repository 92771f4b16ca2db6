using MailKit;
using MailKit.Net.Imap;

namespace FirstLine.Channels.Email;

/// <summary>
/// An IMAP connection that waits on a support mailbox's inbox with IDLE (RFC 2177) and says when new mail arrived.
/// Read-only: it never touches a mail, the poller does that. Server failures surface as <see cref="MailboxException"/>.
/// </summary>
public sealed class ImapInboxIdle : IAsyncDisposable
{
    private readonly ImapClient client = new();
    private IMailFolder? inbox;
    private int count;
    private int arrived;
    private CancellationTokenSource? waiting;

    private ImapInboxIdle()
    {
    }

    /// <summary>Connects and opens the inbox; null when the server does not offer IDLE (the poll alone then serves).</summary>
    public static async Task<ImapInboxIdle?> OpenAsync(MailboxOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var idle = new ImapInboxIdle();
        try
        {
            await MailConnection.ConnectAsync(idle.client, options.Imap, 143, 993, "IMAP", cancellationToken).ConfigureAwait(false);
            if (!idle.client.Capabilities.HasFlag(ImapCapabilities.Idle))
            {
                await idle.DisposeAsync().ConfigureAwait(false);
                return null;
            }

            idle.inbox = await idle.client.GetFolderAsync(options.Folders.Inbox, cancellationToken).ConfigureAwait(false);
            await idle.inbox.OpenAsync(FolderAccess.ReadOnly, cancellationToken).ConfigureAwait(false);
            idle.count = idle.inbox.Count;
            idle.inbox.CountChanged += idle.OnCountChanged;
            idle.inbox.MessageExpunged += idle.OnMessageExpunged;
            return idle;
        }
        catch (Exception exception) when (MailConnection.IsMailFailure(exception))
        {
            await idle.DisposeAsync().ConfigureAwait(false);
            throw new MailboxException($"Cannot watch the inbox '{options.Folders.Inbox}' of {options.Address} with IDLE: {exception.Message}", exception);
        }
        catch
        {
            await idle.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Idles until new mail arrives (true) or <paramref name="refresh"/> has passed (false; RFC 2177 asks clients to
    /// re-issue IDLE at least every 29 minutes, and a quiet connection is checked that way).
    /// </summary>
    public async Task<bool> WaitForMailAsync(TimeSpan refresh, CancellationToken cancellationToken)
    {
        using var done = new CancellationTokenSource(refresh);
        waiting = done;
        try
        {
            if (Volatile.Read(ref arrived) == 0)
            {
                await client.IdleAsync(done.Token, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (MailConnection.IsMailFailure(exception))
        {
            throw new MailboxException($"The IDLE connection to {inbox?.FullName} broke: {exception.Message}", exception);
        }
        finally
        {
            waiting = null;
        }

        return Interlocked.Exchange(ref arrived, 0) > 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (inbox is not null)
        {
            inbox.CountChanged -= OnCountChanged;
            inbox.MessageExpunged -= OnMessageExpunged;
        }

        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(true).WaitAsync(MailConnection.Timeout).ConfigureAwait(false);
            }
            catch (Exception exception) when (MailConnection.IsMailFailure(exception))
            {
                // The connection is being thrown away because it failed or the host stops; a polite LOGOUT is optional.
            }
        }

        client.Dispose();
    }

    // MailKit lowers the folder's count on EXPUNGE (the poller moving mail out) without raising CountChanged, so the
    // count seen last must follow it here; otherwise the next arrival (EXISTS back at the old count) looks like no change.
    private void OnMessageExpunged(object? sender, MessageEventArgs e) => Interlocked.Decrement(ref count);

    // EXISTS above the count seen last (after expunges) is new mail.
    private void OnCountChanged(object? sender, EventArgs e)
    {
        var now = inbox!.Count;
        if (now > Interlocked.Exchange(ref count, now))
        {
            Interlocked.Exchange(ref arrived, 1);
            waiting?.Cancel();
        }
    }
}
