using FirstLine.Channels.Email;

namespace FirstLine.Channels.Tests.Email;

public sealed class EmailReaderTests
{
    private static readonly MailboxOptions Mailbox = new() { Address = "support@example.test", DisplayName = "FirstLine Support" };

    private static Task<IncomingEmail> ReadAsync(string mail, EmailOptions? options = null) =>
        new EmailReader(options ?? new EmailOptions()).ReadAsync(MimeFixtures.Stream(mail), Mailbox, CancellationToken.None);

    [Fact]
    public async Task An_Outlook_reply_in_windows_1252_becomes_a_message_activity_with_only_the_new_text()
    {
        var mail = await ReadAsync(MimeFixtures.OutlookGerman);

        var activity = mail.Activity;
        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("email", activity.ChannelId);
        Assert.Equal("erika@kunde.example", activity.From!.Id);
        Assert.Equal("Erika Mustermann", activity.From.Name);
        Assert.Equal("support@example.test", activity.Recipient!.Id);
        Assert.Equal("de-DE", activity.Locale);
        Assert.Equal("Hallo,\n\nder Drucker im 2. Stock druckt immer noch nicht. Grüße\n\nErika", activity.Text);
        Assert.Contains("Bitte starten Sie den Drucker neu.", mail.ChannelData.FullText, StringComparison.Ordinal);
        Assert.Equal("outlook-1@kunde.example", mail.MessageKey);
        Assert.Equal(["reply-1@example.test", "root-1@kunde.example"], mail.ReferencedIds);
        Assert.Null(mail.NoAnswerReason);
    }

    [Fact]
    public async Task An_Outlook_winmail_dat_in_code_page_1252_is_unpacked_into_the_text()
    {
        var mail = await new EmailReader(new EmailOptions()).ReadAsync(new MemoryStream(WinmailFixture.Mail("Der Drucker druckt nicht. Grüße, Otto")), Mailbox, CancellationToken.None);

        Assert.Equal("Der Drucker druckt nicht. Grüße, Otto", mail.Activity.Text);
        Assert.True(mail.ChannelData.FromTnef);
    }

    [Fact]
    public async Task The_conversation_is_the_thread_so_replies_to_the_same_root_share_it()
    {
        var reply = await ReadAsync(MimeFixtures.OutlookGerman);

        Assert.Equal(EmailThreading.ConversationIdFor("root-1@kunde.example"), reply.Activity.Conversation!.Id);
        Assert.StartsWith("email-", reply.Activity.Conversation.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_HTML_only_mail_is_read_as_text_without_scripts_styles_or_the_quoted_answer()
    {
        var mail = await ReadAsync(MimeFixtures.GmailEnglishHtmlOnly);

        Assert.Equal("My VPN drops every ten minutes.\nAny idea?", mail.Activity.Text);
        Assert.DoesNotContain("alert", mail.ChannelData.FullText, StringComparison.Ordinal);
        Assert.NotNull(mail.ChannelData.Html);
    }

    [Fact]
    public async Task The_plain_part_is_preferred_and_attachments_beyond_the_size_limit_are_listed_not_taken()
    {
        var mail = await ReadAsync(MimeFixtures.MultipartWithAttachment, new EmailOptions { Attachments = new AttachmentLimits { MaxBytes = 20 } });

        Assert.Equal("Siehe Anhang, bitte prüfen.", mail.Activity.Text);
        var file = Assert.Single(mail.Attachments);
        Assert.Equal("log.txt", file.Name);
        Assert.Equal("Fehler 404\n", System.Text.Encoding.ASCII.GetString(file.Content));
        Assert.Equal("log.txt", Assert.Single(mail.Activity.Attachments!).Name);
        var skipped = Assert.Single(mail.ChannelData.SkippedAttachments);
        Assert.Equal("big.bin", skipped.Name);
        Assert.Equal("over the 20 bytes limit", skipped.Reason);
    }

    [Fact]
    public async Task Attachments_beyond_the_count_limit_are_listed_not_taken()
    {
        var mail = await ReadAsync(MimeFixtures.MultipartWithAttachment, new EmailOptions { Attachments = new AttachmentLimits { MaxCount = 1 } });

        Assert.Single(mail.Attachments);
        Assert.Equal("over the limit of 1 files per mail", Assert.Single(mail.ChannelData.SkippedAttachments).Reason);
    }

    [Fact]
    public async Task A_mail_without_a_sender_is_refused_with_a_clear_reason()
    {
        var error = await Assert.ThrowsAsync<EmailFormatException>(() => ReadAsync(MimeFixtures.NoSender));

        Assert.Contains("no sender", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_garbage_is_refused_with_a_clear_reason_and_no_other_exception()
    {
        var garbage = new byte[4096];
        new Random(42).NextBytes(garbage);

        await Assert.ThrowsAsync<EmailFormatException>(() =>
            new EmailReader(new EmailOptions()).ReadAsync(new MemoryStream(garbage), Mailbox, CancellationToken.None));
    }

    [Fact]
    public async Task An_empty_or_oversized_mail_is_refused()
    {
        var empty = await Assert.ThrowsAsync<EmailFormatException>(() => ReadAsync(string.Empty));
        var large = await Assert.ThrowsAsync<EmailFormatException>(() => ReadAsync(MimeFixtures.OutlookGerman, new EmailOptions { MaxMessageBytes = 100 }));

        Assert.Contains("empty", empty.Message, StringComparison.Ordinal);
        Assert.Contains("MaxMessageBytes", large.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_without_Message_ID_is_keyed_by_its_content()
    {
        var withoutId = MimeFixtures.AutoReply.Replace("Message-ID: <ooo-1@example.test>\n", string.Empty, StringComparison.Ordinal);

        var first = await ReadAsync(withoutId);
        var again = await ReadAsync(withoutId);

        Assert.StartsWith("sha256:", first.MessageKey, StringComparison.Ordinal);
        Assert.Equal(first.MessageKey, again.MessageKey);
    }
}
