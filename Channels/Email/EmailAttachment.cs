using System.Globalization;

namespace FirstLine.Channels.Email;

/// <summary>
/// A file that came with a mail (an attachment, an inline image, or a file unpacked from winmail.dat), decoded.
/// </summary>
/// <param name="Name">a safe file name: no path, no control or reserved characters, at most 255 characters</param>
/// <param name="Inline">shown inside the HTML body (an image referenced by <c>cid:</c>), not attached beside it</param>
/// <param name="ContentId">the Content-ID without angle brackets, which the HTML refers to as <c>cid:</c></param>
/// <param name="Sha256">the SHA-256 of <paramref name="Content"/>, lower-case hex</param>
public sealed record EmailAttachment(string Name, string ContentType, byte[] Content, bool Inline, string? ContentId, string Sha256);

/// <summary>A file that was not imported, and why; it stays in the original mail on the server.</summary>
/// <param name="Bytes">its decoded size, when known</param>
/// <param name="Reason">e.g. "over the 25 MB limit"</param>
public sealed record SkippedAttachment(string Name, long? Bytes, string Reason)
{
    /// <summary>One line for the ticket: "report.pdf, 31 MB, over the 25 MB limit — kept in the mailbox, not imported".</summary>
    public string Describe() => Bytes is { } bytes
        ? $"{Name}, {ByteSize.Format(bytes)}, {Reason} — kept in the mailbox, not imported"
        : $"{Name}, {Reason} — kept in the mailbox, not imported";
}

/// <summary>Sizes as people read them.</summary>
public static class ByteSize
{
    private const double KiB = 1024;
    private const double MiB = 1024 * 1024;

    /// <summary>"25 MB", "1.5 MB", "12 KB", "300 bytes" (binary units, as mail programs show them).</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= (long)MiB => string.Create(CultureInfo.InvariantCulture, $"{bytes / MiB:0.#} MB"),
        >= (long)KiB => string.Create(CultureInfo.InvariantCulture, $"{bytes / KiB:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
