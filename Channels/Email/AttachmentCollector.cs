using System.Globalization;
using MimeKit;

namespace FirstLine.Channels.Email;

/// <summary>
/// Imports the files of one mail within <see cref="AttachmentLimits"/>: each decoded once, hashed on the way, and
/// a file beyond a limit only counted and listed with the reason.
/// </summary>
internal sealed class AttachmentCollector(AttachmentLimits limits)
{
    private long total;

    public List<EmailAttachment> Taken { get; } = [];

    public List<SkippedAttachment> Skipped { get; } = [];

    public void Take(MimeEntity entity)
    {
        if (entity is not MessagePart and not MimePart { Content: not null })
        {
            return; // a part without content has nothing to import
        }

        var name = AttachmentName.For(entity, Taken.Count + Skipped.Count + 1);
        if (Taken.Count >= limits.MaxCount)
        {
            Skipped.Add(new SkippedAttachment(name, null, string.Create(CultureInfo.InvariantCulture, $"over the limit of {limits.MaxCount} files per mail")));
            return;
        }

        using var sink = new AttachmentSink(Math.Min(limits.MaxBytes, limits.MaxTotalBytes - total));
        switch (entity)
        {
            case MessagePart attached:
                attached.Message?.WriteTo(sink);
                break;
            case MimePart { Content: { } content }:
                content.DecodeTo(sink);
                break;
        }

        if (sink.OverLimit)
        {
            Skipped.Add(new SkippedAttachment(name, sink.Length, sink.Length > limits.MaxBytes
                ? $"over the {ByteSize.Format(limits.MaxBytes)} limit"
                : $"over the {ByteSize.Format(limits.MaxTotalBytes)} limit for all files of one mail"));
            return;
        }

        total += sink.Length;
        var contentId = string.IsNullOrWhiteSpace(entity.ContentId) ? null : HeaderText.SingleLine(entity.ContentId, 256);
        var inline = !entity.IsAttachment && (contentId is not null || entity.ContentDisposition?.Disposition == ContentDisposition.Inline);
        Taken.Add(new EmailAttachment(name, ContentTypeOf(entity), sink.ToArray(), inline, contentId, sink.Sha256()));
    }

    private static string ContentTypeOf(MimeEntity entity)
    {
        var type = entity.ContentType.MimeType.ToLowerInvariant();
        return type.Length <= 128 && !type.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) ? type : "application/octet-stream";
    }
}
