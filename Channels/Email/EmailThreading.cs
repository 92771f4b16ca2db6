using System.Text;
using MimeKit;

namespace FirstLine.Channels.Email;

/// <summary>How mails hang together: the Message-IDs a mail refers to, and conversation ids derived from a thread's root.</summary>
public static class EmailThreading
{
    private const int MaxReferences = 30;

    /// <summary>The Message-IDs this mail answers, newest first (In-Reply-To, then References from the end).</summary>
    public static IReadOnlyList<string> ReferencedIds(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var ids = new List<string>();
        if (!string.IsNullOrWhiteSpace(message.InReplyTo))
        {
            ids.Add(message.InReplyTo.Trim());
        }

        for (var i = message.References.Count - 1; i >= 0; i--)
        {
            var id = message.References[i]?.Trim();
            if (!string.IsNullOrEmpty(id) && !ids.Contains(id, StringComparer.Ordinal))
            {
                ids.Add(id);
            }
        }

        return ids.Count > MaxReferences ? ids[..MaxReferences] : ids;
    }

    /// <summary>
    /// The Message-ID the thread started with: the first of References, else In-Reply-To, else the mail's own key.
    /// </summary>
    public static string RootId(MimeMessage message, string messageKey)
    {
        ArgumentNullException.ThrowIfNull(message);
        var first = message.References.Count > 0 ? message.References[0]?.Trim() : null;
        if (!string.IsNullOrEmpty(first))
        {
            return first;
        }

        return string.IsNullOrWhiteSpace(message.InReplyTo) ? messageKey : message.InReplyTo.Trim();
    }

    /// <summary>A short, stable conversation id for a thread root: the same root always gives the same id.</summary>
    public static string ConversationIdFor(string rootId)
    {
        ArgumentNullException.ThrowIfNull(rootId);
        return "email-" + MessageKey.Hash(Encoding.UTF8.GetBytes(rootId))[..32];
    }
}
