using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FirstLine.Bot.Health;

/// <summary>The health response: the overall status and each check's name, status, description, duration and data.</summary>
internal static class HealthJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.Select(entry => new
            {
                name = entry.Key,
                status = entry.Value.Status.ToString(),
                description = Describe(entry.Value),
                durationMs = Math.Round(entry.Value.Duration.TotalMilliseconds, 1),
                data = entry.Value.Data.Count == 0 ? null : entry.Value.Data,
            }),
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Options), context.RequestAborted);
    }

    /// <summary>A check that threw has the exception's message as its description; that stays in the log.</summary>
    private static string? Describe(HealthReportEntry entry) =>
        entry.Exception is { } exception && entry.Description == exception.Message ? "The check failed; the log says why." : entry.Description;
}
