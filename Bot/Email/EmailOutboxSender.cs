using FirstLine.Bot.Storage;
using FirstLine.Channels.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FirstLine.Bot.Email;

/// <summary>
/// Sends what the outbox holds through each mailbox's SMTP server. A failure leaves the mail in the outbox with
/// the error and a later attempt time (back-off doubling from 30 s up to an hour); a permanent refusal, or ten
/// failures, gives up and leaves the reason on record.
/// </summary>
public sealed partial class EmailOutboxSender(
    SmtpMailSender smtp,
    IOptions<EmailOptions> options,
    IDbContextFactory<FirstLineDbContext> contexts,
    TimeProvider time,
    ILogger<EmailOutboxSender> logger)
{
    public const int MaxAttempts = 10;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromHours(1);

    /// <summary>Sends every due mail of <paramref name="mailbox"/>; says how many went out and how many failed.</summary>
    public async Task<OutboxRun> SendDueAsync(string mailbox, CancellationToken cancellationToken)
    {
        var settings = options.Value.Mailboxes.FirstOrDefault(m => string.Equals(m.Address, mailbox, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No mailbox '{mailbox}' is configured.", nameof(mailbox));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var due = await db.Set<EmailOutboxRow>()
            .Where(o => o.Mailbox == mailbox && o.SentAt == null && !o.GaveUp && o.NextAttemptAt <= now)
            .OrderBy(o => o.Id)
            .ToListAsync(cancellationToken);
        var run = new OutboxRun();
        foreach (var row in due)
        {
            using var mime = new MemoryStream(row.Mime);
            var message = await MimeMessage.LoadAsync(mime, cancellationToken);
            try
            {
                await smtp.SendAsync(settings, message, cancellationToken);
                row.SentAt = time.GetUtcNow();
                row.LastError = null;
                run.Sent++;
                LogSent(mailbox, row.MessageId, row.Recipient);
            }
            catch (MailboxException exception)
            {
                row.Attempts++;
                row.LastError = exception.Message.Length <= 2000 ? exception.Message : exception.Message[..2000];
                row.GaveUp = exception.Permanent || row.Attempts >= MaxAttempts;
                row.NextAttemptAt = time.GetUtcNow() + Delay(row.Attempts);
                run.Failed++;
                run.LastError = row.LastError;
                LogSendFailed(exception, mailbox, row.MessageId, row.Attempts, row.GaveUp);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return run;
    }

    internal static TimeSpan Delay(int attempts)
    {
        var delay = FirstRetry * Math.Pow(2, Math.Max(0, attempts - 1));
        return delay < LongestRetry ? delay : LongestRetry;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox}: sent {MessageId} to {Recipient}")]
    private partial void LogSent(string mailbox, string messageId, string recipient);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox}: sending {MessageId} failed (attempt {Attempts}, gave up: {GaveUp})")]
    private partial void LogSendFailed(Exception exception, string mailbox, string messageId, int attempts, bool gaveUp);
}

/// <summary>What one pass over the outbox did: mails sent, and sends that failed (kept for a later attempt or given up).</summary>
public sealed class OutboxRun
{
    public int Sent { get; set; }

    public int Failed { get; set; }

    /// <summary>The error of the last failed send, for the job's record.</summary>
    public string? LastError { get; set; }
}
