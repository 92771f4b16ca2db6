using FirstLine.Bot.Storage;
using FirstLine.Channels.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Email;

/// <summary>
/// One poll of one mailbox, never two at once on any node (<see cref="MailboxPollLock"/>): list the inbox against the
/// stored UIDVALIDITY/high-water mark, move mail that was handled but not moved (a crash in between), process new mail
/// one by one and move each only after its result is committed. The Quartz job <see cref="MailboxPollJob"/> calls <see cref="PollOnceAsync"/>.
/// </summary>
public sealed partial class MailboxPoller(
    MailProcessor processor,
    IProcessedMailStore processed,
    IOptions<EmailOptions> options,
    IOptions<EmailJobOptions> jobOptions,
    MailboxPollLock pollLock,
    IDbContextFactory<FirstLineDbContext> contexts,
    TimeProvider time,
    ILogger<MailboxPoller> logger)
{
    public async Task<PollResult> PollOnceAsync(MailboxOptions mailbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var address = mailbox.Address!;
        await using var exclusive = await pollLock.TryAcquireAsync(address, cancellationToken);
        if (exclusive is null)
        {
            LogPolledElsewhere(address);
            return new PollResult();
        }

        var stored = await LoadCursorAsync(address, cancellationToken);
        await using var imap = await ImapMailbox.OpenAsync(mailbox, cancellationToken);
        var listing = await imap.ListAsync(stored, cancellationToken);
        if (listing.UidValidityChanged)
        {
            LogUidValidityChanged(address, stored!.UidValidity, listing.Cursor.UidValidity);
        }

        var result = new PollResult();
        foreach (var mail in listing.Handled)
        {
            // At or below the high-water mark: committed earlier, the move did not happen. Move it where it belongs.
            var disposition = mail.MessageId is { Length: > 0 } id && id.Length <= MessageKey.MaxLength
                ? await processed.FindAsync(address, id, cancellationToken)
                : null;
            if (disposition is null)
            {
                await using var raw = await imap.DownloadAsync(mail.Uid, cancellationToken);
                disposition = await processor.ProcessAsync(mailbox, listing.Cursor, mail.Uid.Id, raw, cancellationToken);
            }

            await imap.MoveAsync(mail.Uid, disposition.Value, cancellationToken);
            result.Moved++;
        }

        foreach (var mail in listing.New)
        {
            MailDisposition disposition;
            if (mail.Size > options.Value.MaxMessageBytes)
            {
                disposition = await processor.RejectTooLargeAsync(mailbox, listing.Cursor, mail, cancellationToken);
            }
            else
            {
                await using var raw = await imap.DownloadAsync(mail.Uid, cancellationToken);
                disposition = await processor.ProcessAsync(mailbox, listing.Cursor, mail.Uid.Id, raw, cancellationToken);
            }

            await PauseBeforeMoveAsync(address, mail.Uid.Id, cancellationToken);
            await imap.MoveAsync(mail.Uid, disposition, cancellationToken);
            if (disposition == MailDisposition.Failed)
            {
                result.Failed++;
            }
            else
            {
                result.Processed++;
            }
        }

        await RecordPollAsync(address, listing.Cursor, cancellationToken);
        if (result.Processed + result.Failed + result.Moved > 0)
        {
            LogPolled(address, result.Processed, result.Failed, result.Moved);
        }

        return result;
    }

    /// <summary>Notes a failed poll on the mailbox's record (for the console and health checks).</summary>
    public async Task RecordFailureAsync(string mailbox, string error, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var state = await FindOrAddStateAsync(db, mailbox, cancellationToken);
        state.LastError = error.Length <= 2000 ? error : error[..2000];
        state.LastErrorAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The failover drill's pause (<see cref="EmailJobOptions.PauseBeforeMove"/>); nothing when it is off.</summary>
    private async Task PauseBeforeMoveAsync(string mailbox, uint uid, CancellationToken cancellationToken)
    {
        var pause = jobOptions.Value.PauseBeforeMove;
        if (pause > TimeSpan.Zero)
        {
            LogPausingBeforeMove(mailbox, uid, pause);
            await Task.Delay(pause, time, cancellationToken);
        }
    }

    private async Task<MailboxCursor?> LoadCursorAsync(string mailbox, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var state = await db.Set<EmailMailboxStateRow>().AsNoTracking().FirstOrDefaultAsync(s => s.Mailbox == mailbox, cancellationToken);
        return state is null || state.UidValidity == 0 ? null : new MailboxCursor((uint)state.UidValidity, (uint)state.LastUid);
    }

    private async Task RecordPollAsync(string mailbox, MailboxCursor cursor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var state = await FindOrAddStateAsync(db, mailbox, cancellationToken);
        if (state.UidValidity != cursor.UidValidity)
        {
            state.UidValidity = cursor.UidValidity;
            state.LastUid = cursor.LastUid;
        }

        state.LastPolledAt = time.GetUtcNow();
        state.LastError = null;
        state.LastErrorAt = null;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<EmailMailboxStateRow> FindOrAddStateAsync(FirstLineDbContext db, string mailbox, CancellationToken cancellationToken)
    {
        var state = await db.Set<EmailMailboxStateRow>().FirstOrDefaultAsync(s => s.Mailbox == mailbox, cancellationToken);
        if (state is null)
        {
            state = new EmailMailboxStateRow { Mailbox = mailbox };
            db.Add(state);
        }

        return state;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox}: UIDVALIDITY changed from {Old} to {New}; every mail in the inbox is examined again (de-duplication prevents repeats)")]
    private partial void LogUidValidityChanged(string mailbox, uint old, uint @new);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox}: another node is polling it right now (the scheduler handed the poll out twice); this poll does nothing")]
    private partial void LogPolledElsewhere(string mailbox);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox}: mail {Uid} committed, pausing {Pause} before the move (Email:PauseBeforeMove, a failover drill)")]
    private partial void LogPausingBeforeMove(string mailbox, uint uid, TimeSpan pause);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox}: {Processed} processed, {Failed} failed, {Moved} moved after an earlier interruption")]
    private partial void LogPolled(string mailbox, int processed, int failed, int moved);
}

/// <summary>What one poll did.</summary>
public sealed class PollResult
{
    public int Processed { get; set; }

    public int Failed { get; set; }

    /// <summary>Mail handled before but still in the inbox, now moved.</summary>
    public int Moved { get; set; }
}
