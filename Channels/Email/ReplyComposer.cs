using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Utils;

namespace FirstLine.Channels.Email;

/// <summary>
/// Writes the bot's answers of one turn as ONE email: plain text and simple HTML, "Re: … [FL-00042]", threaded
/// with In-Reply-To/References, marked <c>Auto-Submitted: auto-replied</c>. Everything that ends up in a header
/// is forced onto one line, so CR/LF in names or subjects cannot inject headers.
/// </summary>
public static partial class ReplyComposer
{
    private const int MaxReferences = 20;
    private const int MaxQuotedLines = 40;

    /// <summary>The answer, or null when the activities hold nothing to send (typing, traces, empty text).</summary>
    /// <param name="automatic">the bot's answer (marked Auto-Submitted) rather than a person's</param>
    /// <param name="author">the person writing (an agent), shown as "Name (support display name)" at the support address</param>
    public static MimeMessage? Compose(MailboxOptions mailbox, EmailReplyContext context, IReadOnlyList<Activity> activities, string? ticketNumber, bool automatic = true, string? author = null)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(activities);
        var paragraphs = activities
            .Where(a => a.IsType(ActivityTypes.Message))
            .Select(a => new Paragraph(a.Text?.Trim() ?? string.Empty, a.SuggestedActions?.Actions?.Select(x => x.Title ?? x.Value?.ToString() ?? string.Empty).Where(t => t.Length > 0).ToList() ?? []))
            .Where(p => p.Text.Length > 0 || p.Choices.Count > 0)
            .ToList();
        if (paragraphs.Count == 0)
        {
            return null;
        }

        var german = context.Locale?.StartsWith("de", StringComparison.OrdinalIgnoreCase) == true;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(SenderName(mailbox, author), mailbox.Address ?? throw new ArgumentException("The mailbox has no address.", nameof(mailbox))));
        message.To.Add(new MailboxAddress(HeaderText.SingleLine(context.To.Name, 200), context.To.Address));
        message.Subject = Subject(context.Subject, ticketNumber, german);
        message.Date = DateTimeOffset.UtcNow;
        message.MessageId = MimeUtils.GenerateMessageId(mailbox.Address!.Split('@')[1]);
        if (context.InReplyTo is not null)
        {
            message.InReplyTo = context.InReplyTo;
        }

        var references = context.References.ToList();
        if (context.InReplyTo is not null && !references.Contains(context.InReplyTo, StringComparer.Ordinal))
        {
            references.Add(context.InReplyTo);
        }

        // Keep the root (first) and the newest ids, as RFC 5322 suggests for long threads.
        var kept = references.Count <= MaxReferences ? references : [references[0], .. references.Skip(references.Count - (MaxReferences - 1))];
        foreach (var id in kept)
        {
            message.References.Add(id);
        }

        if (automatic)
        {
            message.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
            message.Headers.Add("X-Auto-Response-Suppress", "All");
        }

        if (context.Locale is { Length: > 0 } locale)
        {
            message.Headers.Add(HeaderId.ContentLanguage, HeaderText.SingleLine(locale, 16));
        }

        message.Body = new BodyBuilder { TextBody = PlainText(paragraphs, context, german), HtmlBody = Html(paragraphs) }.ToMessageBody();
        return message;
    }

    private static string SenderName(MailboxOptions mailbox, string? author)
    {
        var team = HeaderText.SingleLine(mailbox.DisplayName, 200);
        var person = HeaderText.SingleLine(author, 200);
        return person.Length == 0 ? team : team.Length == 0 ? person : $"{person} ({team})";
    }

    /// <summary>"Re: {subject without Re:/AW:/old ticket tags} [FL-00042]", one line.</summary>
    public static string Subject(string? original, string? ticketNumber, bool german)
    {
        var subject = HeaderText.SingleLine(original, 300);
        subject = TicketTag().Replace(subject, string.Empty).Trim();
        while (ReplyPrefix().Match(subject) is { Success: true } prefix)
        {
            subject = subject[prefix.Length..].TrimStart();
        }

        if (subject.Length == 0)
        {
            subject = german ? "Ihre Anfrage" : "Your request";
        }

        var tag = string.IsNullOrWhiteSpace(ticketNumber) ? string.Empty : $" [{HeaderText.SingleLine(ticketNumber, 32)}]";
        return $"Re: {subject}{tag}";
    }

    private static string PlainText(List<Paragraph> paragraphs, EmailReplyContext context, bool german)
    {
        var text = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            text.Append(paragraph.Text).Append('\n');
            foreach (var choice in paragraph.Choices)
            {
                text.Append("- ").Append(choice).Append('\n');
            }

            text.Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(context.QuotedText))
        {
            text.Append(QuoteIntro(context, german)).Append('\n');
            foreach (var line in context.QuotedText.Split('\n').Take(MaxQuotedLines))
            {
                text.Append("> ").Append(line.TrimEnd('\r')).Append('\n');
            }
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static string QuoteIntro(EmailReplyContext context, bool german)
    {
        var who = HeaderText.SingleLine(context.QuotedFrom, 200);
        if (context.QuotedDate is not { } date)
        {
            return german ? $"{who} schrieb:" : $"{who} wrote:";
        }

        return german
            ? string.Create(CultureInfo.GetCultureInfo("de-DE"), $"Am {date:dd.MM.yyyy} um {date:HH:mm} schrieb {who}:")
            : string.Create(CultureInfo.InvariantCulture, $"On {date:ddd, d MMM yyyy} at {date:HH:mm}, {who} wrote:");
    }

    private static string Html(List<Paragraph> paragraphs)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.Text.Length > 0)
            {
                html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph.Text).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
            }

            if (paragraph.Choices.Count > 0)
            {
                html.Append("<ul>");
                foreach (var choice in paragraph.Choices)
                {
                    html.Append("<li>").Append(WebUtility.HtmlEncode(choice)).Append("</li>");
                }

                html.Append("</ul>");
            }
        }

        return html.Append("</body></html>").ToString();
    }

    [GeneratedRegex(@"^(re|aw|antw|wg|fw|fwd|sv|vs)(\[\d+\])?\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplyPrefix();

    [GeneratedRegex(@"\[[A-Z]{1,6}-\d{1,10}\]", RegexOptions.CultureInvariant)]
    private static partial Regex TicketTag();

    private sealed record Paragraph(string Text, List<string> Choices);
}
