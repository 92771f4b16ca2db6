using FirstLine.Bot.Agents;

namespace FirstLine.Bot.Api;

/// <summary>The files on a ticket under <c>/api/tickets/{number}/attachments</c>: the list, and each file to download.</summary>
internal static class TicketAttachmentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var attachments = api.MapGroup("/tickets/{number}/attachments").WithTags("Tickets");
        attachments.MapGet("/", ListAsync).WithName("ListTicketAttachments")
            .WithSummary("The files that came with the ticket's mails (attachments, inline images, unpacked winmail.dat), oldest first.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        attachments.MapGet("/{id:long}", DownloadAsync).WithName("DownloadTicketAttachment")
            .WithSummary("One file's bytes, always as a download (Content-Disposition: attachment, nosniff); HTML, SVG and other active types are sent as application/octet-stream.")
            .Produces(StatusCodes.Status200OK, contentType: AttachmentDownload.OctetStream)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(string number, TicketAttachments attachments, CancellationToken cancellationToken)
    {
        var list = await attachments.ListAsync(number, cancellationToken);
        return list is null
            ? ApiProblems.NotFound(number)
            : TypedResults.Ok(list.Select(a => TicketJsonMapper.ToJson(number, a)).ToList());
    }

    private static async Task<IResult> DownloadAsync(string number, long id, TicketAttachments attachments, CancellationToken cancellationToken)
    {
        var file = await attachments.FindAsync(number, id, cancellationToken);
        if (file is not null)
        {
            return new AttachmentDownload(file);
        }

        // An id of another ticket's file is answered exactly like one that does not exist.
        return await attachments.ListAsync(number, cancellationToken) is null
            ? ApiProblems.NotFound(number)
            : ApiProblems.AttachmentNotFound(number, id);
    }
}
