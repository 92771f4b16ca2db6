using System.Globalization;
using System.Text;
using MimeKit;

namespace FirstLine.Channels.Email;

/// <summary>
/// A file name that is safe to store and to offer for download: the sender's name without any path, control or
/// reserved characters, bounded in length and keeping its extension; a made-up name when the mail gives none.
/// </summary>
public static class AttachmentName
{
    public const int MaxLength = 255;

    private static readonly char[] Reserved = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

    public static string For(MimeEntity entity, int position)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var given = entity switch
        {
            MimePart part => part.FileName,
            MessagePart { Message.Subject: { Length: > 0 } subject } => subject + ".eml",
            _ => null,
        };
        var name = Sanitize(given);
        if (name.Length > 0)
        {
            return name;
        }

        var extension = entity is MessagePart ? ".eml" : MimeTypes.TryGetExtension(entity.ContentType.MimeType, out var known) ? known : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"attachment-{position}{extension}");
    }

    /// <summary>The last path segment of <paramref name="name"/>, cleaned; empty when nothing usable is left.</summary>
    public static string Sanitize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        // Windows clients send "C:\Users\…\report.pdf"; both separators cut, whatever the server's OS.
        var last = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var clean = new StringBuilder(last.Length);
        foreach (var c in HeaderText.SingleLine(last, int.MaxValue))
        {
            clean.Append(char.IsControl(c) || Array.IndexOf(Reserved, c) >= 0 ? '_' : c);
        }

        var result = clean.ToString().Trim().Trim('.').Trim();
        if (result.Length <= MaxLength)
        {
            return result;
        }

        var extension = Path.GetExtension(result);
        return extension.Length is > 0 and <= 16 ? result[..(MaxLength - extension.Length)] + extension : result[..MaxLength];
    }
}
