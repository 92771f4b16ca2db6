using FirstLine.Channels.Email;
using MailKit;

namespace FirstLine.Channels.Tests.Email;

public sealed class MailboxCursorTests
{
    private static InboxMail[] Mails(params uint[] uids) => [.. uids.Select(u => new InboxMail(new UniqueId(u), 100, $"m{u}@x"))];

    [Fact]
    public void Mail_above_the_high_water_mark_is_new_and_mail_at_or_below_it_was_handled_but_not_moved()
    {
        var listing = MailboxCursor.Sort(new MailboxCursor(7, 5), 7, Mails(6, 3, 5, 9));

        Assert.False(listing.UidValidityChanged);
        Assert.Equal([6u, 9u], listing.New.Select(m => m.Uid.Id));
        Assert.Equal([3u, 5u], listing.Handled.Select(m => m.Uid.Id));
    }

    [Fact]
    public void A_changed_UIDVALIDITY_makes_every_mail_new_again()
    {
        var listing = MailboxCursor.Sort(new MailboxCursor(7, 5), 8, Mails(1, 2));

        Assert.True(listing.UidValidityChanged);
        Assert.Equal(new MailboxCursor(8, 0), listing.Cursor);
        Assert.Equal(2, listing.New.Count);
    }
}
