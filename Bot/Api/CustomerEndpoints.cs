using System.Security.Claims;
using FirstLine.Bot.Agents.Authentication;
using FirstLine.Bot.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FirstLine.Bot.Api;

/// <summary>
/// Customers' GDPR requests for admins: export everything stored about a customer, or erase it. The customer is
/// named by e-mail address (<c>/api/customers/{email}</c>) or by one of their tickets (<c>/api/tickets/{number}/requester</c>).
/// </summary>
internal static class CustomerEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var byEmail = api.MapGroup("/customers/{email}").WithTags("Customers").RequireAuthorization(AgentPolicies.Admin);
        byEmail.MapGet("/export", (string email, CustomerDataRequests requests, CancellationToken cancellationToken) =>
                ExportAsync(DataSubject.ByEmail(email), requests, cancellationToken))
            .WithName("ExportCustomer")
            .WithSummary("Everything stored about the customer with this e-mail address: records, tickets, transcripts, internal notes, attachment list (admins only).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        byEmail.MapDelete("/", (string email, CustomerDataRequests requests, ClaimsPrincipal user, CancellationToken cancellationToken) =>
                EraseAsync(DataSubject.ByEmail(email), requests, user, cancellationToken))
            .WithName("EraseCustomer")
            .WithSummary("Erases the personal data of the customer with this e-mail address everywhere; their tickets are closed and keep only statistics. Returns what was erased (admins only).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var byTicket = api.MapGroup("/tickets/{number}/requester").WithTags("Customers").RequireAuthorization(AgentPolicies.Admin);
        byTicket.MapGet("/export", (string number, CustomerDataRequests requests, CancellationToken cancellationToken) =>
                ExportAsync(DataSubject.ByTicket(number), requests, cancellationToken))
            .WithName("ExportTicketRequester")
            .WithSummary("Like ExportCustomer, for the customer who opened this ticket (admins only).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        byTicket.MapDelete("/", (string number, CustomerDataRequests requests, ClaimsPrincipal user, CancellationToken cancellationToken) =>
                EraseAsync(DataSubject.ByTicket(number), requests, user, cancellationToken))
            .WithName("EraseTicketRequester")
            .WithSummary("Like EraseCustomer, for the customer who opened this ticket (admins only).")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<CustomerExport>> ExportAsync(DataSubject subject, CustomerDataRequests requests, CancellationToken cancellationToken) =>
        TypedResults.Ok(await requests.ExportAsync(subject, cancellationToken));

    private static async Task<Ok<CustomerErasure>> EraseAsync(DataSubject subject, CustomerDataRequests requests, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await requests.EraseAsync(subject, user.GetActor(), cancellationToken));
}
