using MimeKit;

namespace FirstLine.Bot.Commands.Eval.Mime;

/// <summary>One mail to feed the pipeline: its bytes (or only its size when it is too large to read) and where it came from.</summary>
/// <param name="Name">the file's path below the folder, with <c>#n</c> for the n-th mail of an mbox file</param>
/// <param name="Size">bytes on disk</param>
/// <param name="Raw">the mail; null when <see cref="Size"/> is over the limit and it was not read</param>
internal sealed record MailFile(string Name, long Size, byte[]? Raw);

/// <summary>
/// The mails of a folder tree, as a mailbox would hand them over: every file is one mail, except an mbox file
/// (it starts with a <c>From </c> line), which is split into its mails. A file larger than the message limit is not
/// read, as the poller does not download such a mail.
/// </summary>
internal static class MailFiles
{
    private static readonly byte[] MboxMarker = "From "u8.ToArray();

    public static IEnumerable<string> In(string folder, string pattern) =>
        Directory.EnumerateFiles(folder, pattern, new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None, IgnoreInaccessible = false })
            .Order(StringComparer.Ordinal);

    /// <summary>The mails in <paramref name="path"/>.</summary>
    /// <exception cref="IOException">the file cannot be read</exception>
    public static async Task<IReadOnlyList<MailFile>> ReadAsync(string folder, string path, long maxBytes, CancellationToken ct)
    {
        var name = Path.GetRelativePath(folder, path).Replace('\\', '/');
        var size = new FileInfo(path).Length;
        if (size > maxBytes)
        {
            return [new MailFile(name, size, null)];
        }

        var raw = await File.ReadAllBytesAsync(path, ct);
        return raw.AsSpan().StartsWith(MboxMarker) && await SplitMboxAsync(raw, ct) is { Count: > 1 } mails
            ? [.. mails.Select((mail, i) => new MailFile($"{name}#{i + 1}", mail.Length, mail))]
            : [new MailFile(name, size, raw)];
    }

    // An mbox file MimeKit cannot split goes to the pipeline whole, which then says what is wrong with it.
    private static async Task<IReadOnlyList<byte[]>> SplitMboxAsync(byte[] raw, CancellationToken ct)
    {
        var mails = new List<byte[]>();
        using var input = new MemoryStream(raw, writable: false);
        var parser = new MimeParser(input, MimeFormat.Mbox);
        try
        {
            while (!parser.IsEndOfStream)
            {
                var message = await parser.ParseMessageAsync(ct);
                using var output = new MemoryStream();
                await message.WriteToAsync(output, ct);
                mails.Add(output.ToArray());
            }
        }
        catch (FormatException)
        {
            return [];
        }

        return mails;
    }
}
