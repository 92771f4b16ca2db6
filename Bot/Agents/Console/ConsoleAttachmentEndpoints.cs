using FirstLine.Bot.Agents.Authentication;

namespace FirstLine.Bot.Agents.Console;

/// <summary>
/// Downloads of a ticket's files from the console, behind its sign-in cookie: a browser that is not signed in is sent
/// to the sign-in page (a script gets 401). The file goes out exactly as from the REST API (<see cref="AttachmentDownload"/>).
/// </summary>
internal static class ConsoleAttachmentEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapGet("/agent/tickets/{number}/attachments/{id:long}", DownloadAsync).RequireAuthorization(AgentPolicies.Agent);

    private static async Task<IResult> DownloadAsync(string number, long id, TicketAttachments attachments, CancellationToken cancellationToken) =>
        await attachments.FindAsync(number, id, cancellationToken) is { } file ? new AttachmentDownload(file) : Results.NotFound();
}
