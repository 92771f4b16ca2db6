namespace FirstLine.Channels.Email;

/// <summary>The readable content of a mail: its text, the HTML if any, and the files.</summary>
internal sealed record EmailBody(
    string Text,
    string? Html,
    bool FromTnef,
    IReadOnlyList<EmailAttachment> Attachments,
    IReadOnlyList<SkippedAttachment> Skipped);
