using System.Security.Cryptography;
using System.Text;
using FirstLine.Channels.Email;
using MimeKit;

namespace FirstLine.Channels.Tests.Email;

public sealed class EmailAttachmentTests
{
    private static readonly MailboxOptions Mailbox = new() { Address = "support@example.test" };

    private static Task<IncomingEmail> ReadAsync(string mail, AttachmentLimits? limits = null) =>
        new EmailReader(new EmailOptions { Attachments = limits ?? new AttachmentLimits() }).ReadAsync(MimeFixtures.Stream(mail), Mailbox, CancellationToken.None);

    private static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task An_inline_image_is_imported_and_flagged_inline_with_its_Content_ID_and_hash()
    {
        var mail = await ReadAsync(AttachmentFixtures.RelatedWithInlineImage);

        var image = mail.Attachments.Single(a => a.ContentType == "image/png");
        Assert.True(image.Inline);
        Assert.Equal("shot-1@kunde.example", image.ContentId);
        Assert.Equal("attachment-1.png", image.Name);
        Assert.Equal(Convert.FromBase64String("iVBORw0KGgo="), image.Content);
        Assert.Equal(Sha256Of(image.Content), image.Sha256);
        Assert.False(mail.Attachments.Single(a => a.ContentType == "application/pdf").Inline);
    }

    [Fact]
    public async Task A_file_name_loses_its_path_line_breaks_and_reserved_characters()
    {
        var mail = await ReadAsync(AttachmentFixtures.RelatedWithInlineImage);

        var pdf = mail.Attachments.Single(a => a.ContentType == "application/pdf");
        Assert.Equal("Bericht Bcc_ x.pdf", pdf.Name);
        Assert.Equal("%PDF-1.4\n", Encoding.ASCII.GetString(pdf.Content));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..", "")]
    [InlineData(" report.pdf. ", "report.pdf")]
    [InlineData("a<b>c|d?.txt", "a_b_c_d_.txt")]
    public void Sanitizing_keeps_only_a_harmless_last_segment(string given, string expected)
    {
        Assert.Equal(expected, AttachmentName.Sanitize(given));
    }

    [Fact]
    public void A_very_long_name_is_cut_to_255_characters_keeping_its_extension()
    {
        var name = AttachmentName.Sanitize(new string('x', 400) + ".pdf");

        Assert.Equal(255, name.Length);
        Assert.EndsWith("x.pdf", name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outlook_winmail_dat_is_unpacked_so_the_agent_gets_the_real_files()
    {
        var mail = await ReadAsync(AttachmentFixtures.OutlookWinmailDat);

        Assert.Equal(["AUTHORS", "README"], mail.Attachments.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(mail.Attachments, a => a.Name == "winmail.dat" || a.ContentType == "application/ms-tnef");
        Assert.All(mail.Attachments, a => Assert.NotEmpty(a.Content));
        Assert.All(mail.Attachments, a => Assert.Equal(Sha256Of(a.Content), a.Sha256));
        Assert.Empty(mail.ChannelData.SkippedAttachments);
        Assert.Equal("Anbei die Dateien.", mail.Activity.Text);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_listed_with_its_size_and_the_limit_for_the_ticket()
    {
        var mail = await ReadAsync(AttachmentFixtures.RelatedWithInlineImage, new AttachmentLimits { MaxBytes = 8, MaxTotalBytes = 100 });

        var skipped = Assert.Single(mail.ChannelData.SkippedAttachments);
        Assert.Equal("Bericht Bcc_ x.pdf", skipped.Name);
        Assert.Equal(9, skipped.Bytes);
        Assert.Equal("Bericht Bcc_ x.pdf, 9 bytes, over the 8 bytes limit — kept in the mailbox, not imported", skipped.Describe());
        Assert.Equal("image/png", Assert.Single(mail.Attachments).ContentType);
    }

    [Fact]
    public async Task Files_beyond_the_total_limit_of_one_mail_are_listed_not_imported()
    {
        var mail = await ReadAsync(AttachmentFixtures.RelatedWithInlineImage, new AttachmentLimits { MaxBytes = 9, MaxTotalBytes = 12 });

        Assert.Single(mail.Attachments);
        Assert.Equal("over the 12 bytes limit for all files of one mail", Assert.Single(mail.ChannelData.SkippedAttachments).Reason);
    }

    [Theory]
    [InlineData(300, "300 bytes")]
    [InlineData(12 * 1024, "12 KB")]
    [InlineData(25L * 1024 * 1024, "25 MB")]
    [InlineData(31L * 1024 * 1024 + 400_000, "31.4 MB")]
    public void Sizes_read_as_a_mail_program_shows_them(long bytes, string expected)
    {
        Assert.Equal(expected, ByteSize.Format(bytes));
    }

    [Fact]
    public async Task An_attached_mail_is_imported_as_an_eml_file_named_after_its_subject()
    {
        var inner = new MimeMessage { Subject = "Weitergeleitet: VPN" };
        inner.From.Add(MailboxAddress.Parse("a@example.test"));
        inner.Body = new TextPart("plain") { Text = "alt" };
        var outer = new MimeMessage { Subject = "Fwd", MessageId = "fwd-1@example.test" };
        outer.From.Add(MailboxAddress.Parse("kunde@example.test"));
        outer.Body = new Multipart("mixed") { new TextPart("plain") { Text = "siehe unten" }, new MessagePart { Message = inner } };

        var mail = await new EmailReader(new EmailOptions()).ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(outer.ToString())), Mailbox, CancellationToken.None);

        var file = Assert.Single(mail.Attachments);
        Assert.Equal("Weitergeleitet_ VPN.eml", file.Name);
        Assert.Equal("message/rfc822", file.ContentType);
    }
}
