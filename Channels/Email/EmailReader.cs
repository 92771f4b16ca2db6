using System.Globalization;
using MimeKit;

namespace FirstLine.Channels.Email;

/// <summary>
/// Turns a raw mail into an <see cref="IncomingEmail"/>: the activity for the bot (new text only, full original in
/// the channel data), its key for de-duplication, its thread and whether it may be answered. A mail that cannot be
/// read throws <see cref="EmailFormatException"/> with the reason; nothing else escapes.
/// </summary>
public sealed class EmailReader(EmailOptions options)
{
    private readonly EmailBodyExtractor bodies = new(options);

    /// <param name="raw">the mail; a seekable stream (as <see cref="ImapMailbox.DownloadAsync"/> gives) is read in place, not copied, and must stay open while the result is used</param>
    public async Task<IncomingEmail> ReadAsync(Stream raw, MailboxOptions mailbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(mailbox);
        var mail = await RawMail.SeekableAsync(raw, cancellationToken).ConfigureAwait(false);
        if (mail.Length > options.MaxMessageBytes)
        {
            throw new EmailFormatException(string.Create(CultureInfo.InvariantCulture, $"The mail has {mail.Length} bytes, more than Email:MaxMessageBytes ({options.MaxMessageBytes})."));
        }

        if (mail.Length == 0)
        {
            throw new EmailFormatException("The mail is empty.");
        }

        MimeMessage message;
        try
        {
            // persistent: the parts point into the raw mail instead of copying it, so a 25 MB attachment sits in
            // memory once (as raw mail) until it is decoded.
            message = await MimeMessage.LoadAsync(mail, persistent: true, cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException exception)
        {
            throw new EmailFormatException($"The mail is not valid MIME: {exception.Message}", exception);
        }

        return Read(message, mail, mailbox);
    }

    private IncomingEmail Read(MimeMessage message, Stream raw, MailboxOptions mailbox)
    {
        var sender = message.From.Mailboxes.FirstOrDefault() ?? message.Sender
            ?? throw new EmailFormatException("The mail has no sender: its From header is missing or holds no address.");
        if (string.IsNullOrWhiteSpace(sender.Address) || !sender.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new EmailFormatException($"The mail's sender '{HeaderText.SingleLine(sender.ToString(), 200)}' is not an email address.");
        }

        EmailBody body;
        try
        {
            body = bodies.Extract(message);
        }
        catch (Exception exception) when (exception is FormatException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new EmailFormatException($"The mail's body could not be read: {exception.Message}", exception);
        }

        var key = MessageKey.For(message, raw);
        var referenced = EmailThreading.ReferencedIds(message);
        var subject = HeaderText.SingleLine(message.Subject);
        var senderAddress = sender.Address.Trim().ToLowerInvariant();
        var replyTo = message.ReplyTo.Mailboxes.FirstOrDefault() ?? sender;
        var data = new EmailChannelData
        {
            MessageId = key,
            InReplyTo = message.InReplyTo,
            References = [.. message.References],
            Subject = subject,
            To = [.. message.To.Mailboxes.Take(EmailChannelData.MaxListedRecipients).Select(m => m.Address)],
            Cc = [.. message.Cc.Mailboxes.Take(EmailChannelData.MaxListedRecipients).Select(m => m.Address)],
            RecipientCount = message.To.Mailboxes.Count() + message.Cc.Mailboxes.Count(),
            Date = message.Date == DateTimeOffset.MinValue ? null : message.Date,
            FullText = body.Text,
            Html = body.Html,
            FromTnef = body.FromTnef,
            SkippedAttachments = body.Skipped,
            Mailbox = mailbox.Address!,
        };
        var activity = new Activity(ActivityTypes.Message)
        {
            Id = key,
            Timestamp = data.Date?.ToUniversalTime() ?? DateTimeOffset.UtcNow,
            ChannelId = EmailChannel.ChannelId,
            From = new ChannelAccount(senderAddress, NameOrNull(sender.Name), RoleTypes.User),
            Recipient = new ChannelAccount(mailbox.Address!, mailbox.DisplayName, RoleTypes.Bot),
            Conversation = new ConversationAccount(EmailThreading.ConversationIdFor(EmailThreading.RootId(message, key)), subject),
            Text = QuoteStripper.Strip(body.Text),
            TextFormat = TextFormatTypes.Plain,
            Locale = LocaleOf(message),
            Attachments = body.Attachments.Count == 0
                ? null
                : [.. body.Attachments.Select(a => new Attachment { Name = a.Name, ContentType = a.ContentType })],
            ChannelData = data,
        };
        return new IncomingEmail
        {
            Message = message,
            Activity = activity,
            MessageKey = key,
            ReferencedIds = referenced,
            SenderAddress = senderAddress,
            ReplyTo = replyTo,
            Subject = subject,
            NoAnswerReason = LoopProtection.ReasonNotToAnswer(message, [mailbox.Address!]),
            Attachments = body.Attachments,
        };
    }

    private static string? NameOrNull(string? name) => string.IsNullOrWhiteSpace(name) ? null : HeaderText.SingleLine(name, 256);

    private static string? LocaleOf(MimeMessage message)
    {
        // MimeKit keeps Content-* headers on the body entity, not on the message.
        var language = message.Headers[HeaderId.ContentLanguage] ?? message.Body?.Headers[HeaderId.ContentLanguage] ?? message.Headers["Accept-Language"];
        var first = language?.Split([',', ';'], 2)[0].Trim();
        return string.IsNullOrEmpty(first) || first.Length > 16 ? null : first;
    }
}
