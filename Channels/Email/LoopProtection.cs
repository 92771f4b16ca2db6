using MimeKit;

namespace FirstLine.Channels.Email;

/// <summary>
/// RFC 3834 and common practice: mail that must never get an automatic answer — auto-replies, bulk and list mail,
/// bounces, mailer daemons and no-reply senders, and our own mail coming back.
/// </summary>
public static class LoopProtection
{
    private static readonly string[] MachineSenders =
    [
        "mailer-daemon", "postmaster", "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "bounce", "bounces",
    ];

    /// <summary>Why no automatic answer may be sent, or null when answering is fine.</summary>
    public static string? ReasonNotToAnswer(MimeMessage message, IEnumerable<string> ownAddresses)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(ownAddresses);
        var autoSubmitted = message.Headers[HeaderId.AutoSubmitted];
        if (autoSubmitted is not null && !string.Equals(FirstToken(autoSubmitted), "no", StringComparison.OrdinalIgnoreCase))
        {
            return $"Auto-Submitted: {FirstToken(autoSubmitted)}";
        }

        var precedence = message.Headers[HeaderId.Precedence];
        if (precedence is not null && FirstToken(precedence).ToLowerInvariant() is "bulk" or "list" or "junk")
        {
            return $"Precedence: {FirstToken(precedence)}";
        }

        if (message.Headers.Contains(HeaderId.ListId))
        {
            return "List-Id present (mailing list)";
        }

        if (message.Headers.Contains("X-Autoreply") || message.Headers.Contains("X-Autorespond"))
        {
            return "X-Autoreply/X-Autorespond present";
        }

        if (message.Body is MultipartReport)
        {
            return "delivery or read report (multipart/report)";
        }

        var returnPath = message.Headers[HeaderId.ReturnPath];
        if (returnPath is not null && returnPath.Trim() == "<>")
        {
            return "empty Return-Path (a bounce)";
        }

        var sender = message.From.Mailboxes.FirstOrDefault()?.Address;
        if (sender is not null)
        {
            var local = sender.Split('@')[0].ToLowerInvariant();
            if (MachineSenders.Any(m => local == m || local.StartsWith(m + "+", StringComparison.Ordinal) || local.StartsWith(m + "-", StringComparison.Ordinal)))
            {
                return $"machine sender {sender}";
            }

            if (ownAddresses.Any(own => string.Equals(own, sender, StringComparison.OrdinalIgnoreCase)))
            {
                return $"sent by our own address {sender}";
            }
        }

        return null;
    }

    private static string FirstToken(string value) => value.Split(';', 2)[0].Trim();
}
