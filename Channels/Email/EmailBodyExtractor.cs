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
        var files = new AttachmentCollector(options.Attachments);
        var text = message.TextBody;
        var html = message.HtmlBody;
        var fromTnef = false;
        foreach (var entity in message.BodyParts)
        {
            switch (entity)
            {
                case TnefPart tnef:
                    var unpacked = Unpack(tnef, files.Skipped);
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
                        files.Take(part);
                    }

                    break;
                case TextPart { IsAttachment: false }:
                    break;
                default:
                    files.Take(entity);
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(html))
        {
            text = HtmlText.Convert(html);
        }

        return new EmailBody(text ?? string.Empty, html, fromTnef, files.Taken, files.Skipped);
    }

    /// <summary>An Outlook winmail.dat as a message of its own: the body and the real files inside.</summary>
    private static MimeMessage? Unpack(TnefPart tnef, List<SkippedAttachment> skipped)
    {
        try
        {
            return tnef.ConvertToMessage();
        }
        catch (TnefException exception)
        {
            skipped.Add(new SkippedAttachment(AttachmentName.Sanitize(tnef.FileName) is { Length: > 0 } name ? name : "winmail.dat", null, $"winmail.dat could not be unpacked: {exception.Message}"));
            return null;
        }
    }
}
