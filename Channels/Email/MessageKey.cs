using System.Security.Cryptography;
using MimeKit;

namespace FirstLine.Channels.Email;

/// <summary>
/// What identifies a mail for de-duplication: its Message-ID, or a content hash when it has none
/// (or one too long to store).
/// </summary>
public static class MessageKey
{
    public const int MaxLength = 256;

    public static string For(MimeMessage message, Stream raw)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = message.MessageId?.Trim();
        if (!string.IsNullOrEmpty(id))
        {
            return id.Length <= MaxLength ? id : "sha256:" + Hash(System.Text.Encoding.UTF8.GetBytes(id));
        }

        return ForRaw(raw);
    }

    /// <summary>
    /// The content hash of a raw mail in a seekable stream, read from the start (also the key of mail too broken to
    /// have a Message-ID); the position is restored.
    /// </summary>
    public static string ForRaw(Stream raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var position = raw.Position;
        raw.Position = 0;
        var hash = SHA256.HashData(raw);
        raw.Position = position;
        return "sha256:" + Convert.ToHexStringLower(hash);
    }

    internal static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
