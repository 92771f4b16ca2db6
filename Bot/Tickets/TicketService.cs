using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets.Sla;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Tickets;

/// <summary>
/// The ticket desk: creates tickets with human numbers, changes them under the lifecycle rules and
/// optimistic concurrency, and writes every change to the audit trail.
/// </summary>
public sealed class TicketService(IDbContextFactory<FirstLineDbContext> contexts, IOptions<TicketOptions> options, SlaClock sla, TimeProvider time)
{
    private const int MaxNumberAttempts = 4;

    public async Task<TicketRow> CreateAsync(NewTicket request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await contexts.InTransactionAsync((db, ct) => CreateInAsync(db, request, actor, ct), cancellationToken);
            }
            catch (DbUpdateException) when (attempt < MaxNumberAttempts)
            {
                // Two first requests of the same customer at the same moment both added the customer; try again.
            }
        }
    }

    public async Task<TicketRow?> FindAsync(string number, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tickets.AsNoTracking()
            .Include(t => t.Customer).Include(t => t.Notes).Include(t => t.Audit)
            .AsSplitQuery()
            .FirstOrDefaultAsync(t => t.Number == number, cancellationToken);
    }

    /// <summary>The newest ticket of a conversation, e.g. to continue it when the customer writes again.</summary>
    public async Task<TicketRow?> FindLatestForConversationAsync(string channel, string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tickets.AsNoTracking().Include(t => t.Customer)
            .Where(t => t.Channel == channel && t.ConversationId == conversationId)
            .OrderByDescending(t => t.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Changes a ticket. <paramref name="expectedETag"/> (when given) must match the stored version; every
    /// changed field is written to the audit trail as who/what/old/new.
    /// </summary>
    public async Task<TicketRow> UpdateAsync(string number, string actor, Action<TicketRow> change, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ticket = await db.Tickets.Include(t => t.Customer).FirstOrDefaultAsync(t => t.Number == number, cancellationToken)
            ?? throw new TicketNotFoundException(number);
        if (expectedETag is not null && expectedETag != ticket.ETag)
        {
            throw new TicketConcurrencyException(number);
        }

        var statusBefore = ticket.Status;
        var priorityBefore = ticket.Priority;
        var now = time.GetUtcNow();
        change(ticket);
        if (ticket.Status != statusBefore)
        {
            if (!TicketLifecycle.CanMove(statusBefore, ticket.Status))
            {
                throw new TicketTransitionException(number, statusBefore, ticket.Status);
            }

            StampStatus(ticket, now);
            sla.OnStatusChanged(ticket, statusBefore, now);
        }

        if (ticket.Priority != priorityBefore)
        {
            sla.OnPriorityChanged(ticket);
        }

        AuditChanges(db, ticket, actor, now);
        ticket.UpdatedAt = now;
        ticket.ETag = NewETag();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new TicketConcurrencyException(number, exception);
        }

        return ticket;
    }

    public Task<TicketRow> ChangeStatusAsync(string number, TicketStatus status, string actor, string? expectedETag, CancellationToken cancellationToken) =>
        UpdateAsync(number, actor, t => t.Status = status, expectedETag, cancellationToken);

    public async Task<TicketNoteRow> AddNoteAsync(string number, string author, string text, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Number == number, cancellationToken) ?? throw new TicketNotFoundException(number);
        var now = time.GetUtcNow();
        var note = new TicketNoteRow { TicketId = ticket.Id, Author = author, Text = text, CreatedAt = now };
        db.TicketNotes.Add(note);
        db.TicketAudit.Add(new TicketAuditRow { TicketId = ticket.Id, Actor = author, Action = "note-added", At = now });
        ticket.UpdatedAt = now;
        ticket.ETag = NewETag();
        await db.SaveChangesAsync(cancellationToken);
        return note;
    }

    private static void AuditChanges(FirstLineDbContext db, TicketRow ticket, string actor, DateTimeOffset now)
    {
        var entry = db.Entry(ticket);
        foreach (var property in entry.Properties.Where(p => p.IsModified && p.Metadata.Name is not nameof(TicketRow.UpdatedAt) and not nameof(TicketRow.ETag)))
        {
            if (Equals(property.OriginalValue, property.CurrentValue))
            {
                continue;
            }

            ticket.Audit.Add(new TicketAuditRow
            {
                Actor = actor,
                Action = "changed",
                Field = property.Metadata.Name,
                OldValue = Describe(property.OriginalValue),
                NewValue = Describe(property.CurrentValue),
                At = now,
            });
        }
    }

    private static void StampStatus(TicketRow ticket, DateTimeOffset now)
    {
        switch (ticket.Status)
        {
            case TicketStatus.Resolved:
                ticket.ResolvedAt = now;
                break;
            case TicketStatus.Closed:
                ticket.ClosedAt = now;
                break;
            case TicketStatus.Reopened:
                ticket.ResolvedAt = null;
                ticket.ClosedAt = null;
                break;
        }
    }

    private async Task<TicketRow> CreateInAsync(FirstLineDbContext db, NewTicket request, string actor, CancellationToken cancellationToken)
    {
        var customer = await FindOrAddCustomerAsync(db, request, cancellationToken);
        var now = time.GetUtcNow();
        var ticket = new TicketRow
        {
            // Replaced by the number derived from the row id below, in the same transaction.
            Number = "new-" + NewETag(),
            Customer = customer,
            Channel = request.Channel,
            ConversationId = request.ConversationId,
            ConversationReferenceJson = request.ConversationReferenceJson,
            Subject = Truncate(request.Subject, 512),
            Description = request.Description,
            Language = request.Language,
            Sentiment = request.Sentiment,
            KeyPhrasesJson = request.KeyPhrases is null ? null : JsonSerializer.Serialize(request.KeyPhrases),
            CreatedAt = now,
            UpdatedAt = now,
            ETag = NewETag(),
        };
        sla.Start(ticket, now);
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync(cancellationToken);

        // The database hands out row ids atomically, so numbers derived from them never collide, on one node or many.
        ticket.Number = options.Value.NumberPrefix + "-" + ticket.Id.ToString("D5", CultureInfo.InvariantCulture);
        ticket.Audit.Add(new TicketAuditRow { Actor = actor, Action = "created", At = now, NewValue = ticket.Number });
        await db.SaveChangesAsync(cancellationToken);
        return ticket;
    }

    private async Task<CustomerRow> FindOrAddCustomerAsync(FirstLineDbContext db, NewTicket request, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Channel == request.Channel && c.ChannelUserId == request.ChannelUserId, cancellationToken);
        if (customer is null)
        {
            customer = new CustomerRow { Channel = request.Channel, ChannelUserId = request.ChannelUserId, CreatedAt = time.GetUtcNow() };
            db.Customers.Add(customer);
        }

        customer.Name = request.CustomerName ?? customer.Name;
        customer.Email = request.CustomerEmail ?? customer.Email;
        customer.Language = request.Language ?? customer.Language;
        return customer;
    }

    private static string? Describe(object? value) => value switch
    {
        null => null,
        DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
        _ => Truncate(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, 1000),
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    internal static string NewETag() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(12));
}
