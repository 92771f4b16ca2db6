namespace FirstLine.Channels.Email;

/// <summary>A raw mail as a seekable stream, copied only when it is not one already.</summary>
public static class RawMail
{
    /// <summary>
    /// <paramref name="raw"/> itself, at its start, when it can seek; else a copy in memory. The caller keeps owning
    /// <paramref name="raw"/>; a copy needs no disposing (it holds memory only).
    /// </summary>
    public static async Task<Stream> SeekableAsync(Stream raw, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.CanSeek)
        {
            raw.Position = 0;
            return raw;
        }

        var copy = new MemoryStream();
        await raw.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        copy.Position = 0;
        return copy;
    }
}
