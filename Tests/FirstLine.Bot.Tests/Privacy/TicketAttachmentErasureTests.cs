using FirstLine.Bot.Privacy;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Tests.Privacy;

public abstract class TicketAttachmentErasureTests(StorageProvider provider) : IAsyncLifetime
{
    private PrivacyHost host = null!;

    public async Task InitializeAsync() => host = await PrivacyHost.StartAsync(provider: provider);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Erasing_a_customer_deletes_the_files_of_their_tickets_and_keeps_those_of_others()
    {
        var zora = await host.MailAsync("Zora Quellmann", "zora.quellmann@example.test", "Zoras VPN KX-4410 hakt");
        var bruno = await host.MailAsync("Bruno Nebenan", "bruno@example.test", "Brunos Monitor flackert");
        await AttachAsync(zora.Ticket, "Zora-Rechnung.pdf");
        await AttachAsync(bruno.Ticket, "Bruno-Foto.png");

        var erasure = await host.Get<CustomerDataRequests>().EraseAsync(DataSubject.ByEmail("zora.quellmann@example.test"), "apikey:1", CancellationToken.None);

        Assert.Equal(1, erasure.Erased.TicketAttachments);
        await using var db = await host.DbAsync();
        var left = await db.TicketAttachments.AsNoTracking().Select(a => a.FileName).ToListAsync();
        Assert.Equal(["Bruno-Foto.png"], left);
    }

    private async Task AttachAsync(string ticketNumber, string fileName)
    {
        await using var db = await host.DbAsync();
        var ticketId = await db.Tickets.Where(t => t.Number == ticketNumber).Select(t => t.Id).SingleAsync();
        db.TicketAttachments.Add(new TicketAttachmentRow
        {
            TicketId = ticketId,
            FileName = fileName,
            ContentType = "application/octet-stream",
            Bytes = 3,
            Sha256 = new string('0', 64),
            Content = [1, 2, 3],
        });
        await db.SaveChangesAsync();
    }
}

public sealed class TicketAttachmentErasureOnSqliteTests() : TicketAttachmentErasureTests(StorageProvider.Sqlite);

public sealed class TicketAttachmentErasureOnPostgreSqlTests() : TicketAttachmentErasureTests(StorageProvider.PostgreSql);
