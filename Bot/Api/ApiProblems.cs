using FirstLine.Bot.Agents;
using FirstLine.Bot.Handoff;
using FirstLine.Bot.Privacy;
using FirstLine.Bot.Tickets;

namespace FirstLine.Bot.Api;

/// <summary>The API's refusals as RFC 7807 problem details, and the exceptions of the desk mapped onto them.</summary>
internal sealed class ApiProblems : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (TicketNotFoundException exception)
        {
            return NotFound(exception.Number);
        }
        catch (TicketTransitionException exception)
        {
            return TypedResults.Problem(
                exception.Message,
                statusCode: StatusCodes.Status409Conflict,
                title: "Status change not allowed",
                extensions: new Dictionary<string, object?>
                {
                    ["current"] = exception.From.ToString(),
                    ["requested"] = exception.To.ToString(),
                    ["allowed"] = exception.Allowed.Select(s => s.ToString()).ToArray(),
                });
        }
        catch (TicketConcurrencyException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status412PreconditionFailed, title: "The ticket was changed by someone else");
        }
        catch (HandoffException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict, title: "Conversation not available");
        }
        catch (AgentValidationException exception)
        {
            return BadRequest(exception.Message);
        }
        catch (CustomerNotFoundException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status404NotFound, title: "Customer not found");
        }
        catch (InvalidDataSubjectException exception)
        {
            return BadRequest(exception.Message);
        }
    }

    public static IResult NotFound(string number) =>
        TypedResults.Problem($"There is no ticket {number}.", statusCode: StatusCodes.Status404NotFound, title: "Ticket not found");

    public static IResult AttachmentNotFound(string number, long id) =>
        TypedResults.Problem($"Ticket {number} has no attachment {id}.", statusCode: StatusCodes.Status404NotFound, title: "Attachment not found");

    public static IResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");

    public static IResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static IResult TooLarge(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");

    public static IResult Unprocessable(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Cannot apply this change");
}
