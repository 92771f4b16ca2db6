using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FirstLine.Channels.DirectLine;

/// <summary>Turns a refused request into the documented <c>{"error":{"code","message"}}</c> body.</summary>
internal sealed partial class DirectLineErrorFilter(ILogger<DirectLineErrorFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DirectLineException exception)
        {
            if (exception.StatusCode >= 500)
            {
                LogServerError(exception, context.HttpContext.Request.Path, exception.Code);
            }
            else
            {
                LogRefused(context.HttpContext.Request.Path, exception.StatusCode, exception.Code);
            }

            return Results.Json(new ErrorResponse(new ErrorDetail(exception.Code, exception.Message)), BotJson.Options, statusCode: exception.StatusCode);
        }
        catch (BadHttpRequestException exception)
        {
            LogRefused(context.HttpContext.Request.Path, exception.StatusCode, "BadRequest");
            var code = exception.StatusCode == StatusCodes.Status413PayloadTooLarge ? "MessageSizeTooBig" : "BadArgument";
            return Results.Json(new ErrorResponse(new ErrorDetail(code, exception.Message)), BotJson.Options, statusCode: exception.StatusCode);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Direct Line refused {Path}: {StatusCode} {Code}")]
    private partial void LogRefused(string path, int statusCode, string code);

    [LoggerMessage(Level = LogLevel.Error, Message = "Direct Line failed on {Path}: {Code}")]
    private partial void LogServerError(Exception exception, string path, string code);
}
