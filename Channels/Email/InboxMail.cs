using MailKit;

namespace FirstLine.Channels.Email;

/// <summary>A mail waiting in the inbox, as listed before it is downloaded.</summary>
public sealed record InboxMail(UniqueId Uid, long? Size, string? MessageId);

/// <summary>
/// What the inbox holds, measured against the stored high-water mark: mail above it is new; mail at or below it was
/// already handled (committed) but not yet moved, e.g. after a crash.
/// </summary>
public sealed record InboxListing(MailboxCursor Cursor, bool UidValidityChanged, IReadOnlyList<InboxMail> New, IReadOnlyList<InboxMail> Handled);

/// <summary>Where reading a mailbox stands: the folder's UIDVALIDITY and the highest UID handled in it.</summary>
public sealed record MailboxCursor(uint UidValidity, uint LastUid)
{
    /// <summary>Sorts the inbox's mails by the stored cursor; a changed UIDVALIDITY makes every mail new again (de-duplication stops repeats).</summary>
    public static InboxListing Sort(MailboxCursor? stored, uint uidValidity, IEnumerable<InboxMail> mails)
    {
        ArgumentNullException.ThrowIfNull(mails);
        var changed = stored is not null && stored.UidValidity != uidValidity;
        var last = stored is null || changed ? 0u : stored.LastUid;
        var all = mails.OrderBy(m => m.Uid.Id).ToList();
        return new InboxListing(
            new MailboxCursor(uidValidity, last),
            changed,
            [.. all.Where(m => m.Uid.Id > last)],
            [.. all.Where(m => m.Uid.Id <= last)]);
    }

    public MailboxCursor Advance(UniqueId uid) => uid.Id > LastUid ? this with { LastUid = uid.Id } : this;
}

/// <summary>Where a handled mail goes on the server.</summary>
public enum MailDisposition
{
    Processed,
    Failed,
}
