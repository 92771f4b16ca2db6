using MailKit;
using MimeKit;

namespace FirstLine.Benchmarks.MailIngest;

/// <summary>
/// The baseline: what a bare MailKit client needs to read the same inbox — log in, list it, and per mail
/// <c>UID FETCH … BODY.PEEK[]</c> (one round trip each, like FirstLine's poller), <see cref="MimeMessage.Load(Stream, CancellationToken)"/>
/// and its text body. Read-only, so the mails stay for FirstLine.
/// </summary>
internal static class RawMailFetch
{
    /// <summary>Returns how many mails were read with a non-empty text body.</summary>
    public static async Task<int> ReadAllAsync(BenchmarkMailbox mailbox, CancellationToken cancellationToken)
    {
        using var client = await mailbox.LoginAsync(cancellationToken);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
        var summaries = await client.Inbox.FetchAsync(0, -1, MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.Envelope, cancellationToken);
        var read = 0;
        foreach (var summary in summaries)
        {
            await using var stream = await client.Inbox.GetStreamAsync(summary.UniqueId, cancellationToken);
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            if (message.TextBody is { Length: > 0 })
            {
                read++;
            }
        }

        await client.DisconnectAsync(true, cancellationToken);
        return read;
    }
}
