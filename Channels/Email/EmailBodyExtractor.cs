using System.Globalization;
using MimeKit;
using MimeKit.Tnef;

namespace FirstLine.Channels.Email;

/// <summary>
/// Gets the text (plain part preferred, else HTML turned into text, else an Outlook winmail.dat's body) and the
/// files of a mail, within the configured count and size limits.
/// </summary>
internal sealed class EmailBodyExtractor(EmailOptions options)
{
    // .NET ships only the Unicode and Latin-1 encodings; MimeKit's TNEF reader needs the Windows code pages (1252 …)
    // in its type initializer, and a type initializer that failed once fails for the life of the process.
    static EmailBodyExtractor() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public EmailBody Extract(MimeMessage message)
    {
        var attachments = new List<EmailAttachment>();
        var skipped = new List<SkippedAttachment>();
        var text = message.TextBody;
        var html = message.HtmlBody;
        var fromTnef = false;
        foreach (var entity in message.BodyParts)
        {
            switch (entity)
            {
                case TnefPart tnef:
                    var unpacked = Unpack(tnef, skipped);
                    if (unpacked is null)
                    {
                        break;
                    }

                    if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(html))
                    {
                        text = unpacked.TextBody;
                        html = unpacked.HtmlBody;
                        fromTnef = true;
                    }

                    foreach (var part in unpacked.BodyParts.Where(p => p is not TextPart || p.IsAttachment))
                    {
                        Take(part, attachments, skipped);
                    }

                    break;
                case TextPart { IsAttachment: false }:
                    break;
                default:
                    Take(entity, attachments, skipped);
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(html))
        {
            text = HtmlText.Convert(html);
        }

        return new EmailBody(text ?? string.Empty, html, fromTnef, attachments, skipped);
    }

    private static MimeMessage? Unpack(TnefPart tnef, List<SkippedAttachment> skipped)
    {
        try
        {
            return tnef.ConvertToMessage();
        }
        catch (TnefException exception)
        {
            skipped.Add(new SkippedAttachment(tnef.FileName ?? "winmail.dat", null, $"winmail.dat could not be unpacked: {exception.Message}"));
            return null;
        }
    }

    private void Take(MimeEntity entity, List<EmailAttachment> attachments, List<SkippedAttachment> skipped)
    {
        var name = NameOf(entity, attachments.Count + skipped.Count + 1);
        if (attachments.Count >= options.MaxAttachments)
        {
            skipped.Add(new SkippedAttachment(name, null, string.Create(CultureInfo.InvariantCulture, $"more than {options.MaxAttachments} attachments")));
            return;
        }

        using var content = new MemoryStream();
        switch (entity)
        {
            case MessagePart attached:
                attached.Message?.WriteTo(content);
                break;
            case MimePart part when part.Content is not null:
                part.Content.DecodeTo(content);
                break;
            default:
                return;
        }

        if (content.Length > options.MaxAttachmentBytes)
        {
            skipped.Add(new SkippedAttachment(name, content.Length, string.Create(CultureInfo.InvariantCulture, $"larger than {options.MaxAttachmentBytes} bytes")));
            return;
        }

        var inline = !entity.IsAttachment && entity.ContentDisposition?.Disposition != ContentDisposition.Attachment;
        attachments.Add(new EmailAttachment(name, entity.ContentType.MimeType, content.ToArray(), inline));
    }

    private static string NameOf(MimeEntity entity, int position) => entity switch
    {
        MimePart { FileName: { Length: > 0 } fileName } => HeaderText.SingleLine(Path.GetFileName(fileName)),
        MessagePart { Message.Subject: { Length: > 0 } subject } => HeaderText.SingleLine(subject) + ".eml",
        MessagePart => string.Create(CultureInfo.InvariantCulture, $"message-{position}.eml"),
        _ => string.Create(CultureInfo.InvariantCulture, $"attachment-{position}"),
    };
}
