using System.Text.Json;
using FirstLine.Bot.Privacy;

namespace FirstLine.Bot.Commands.Customers;

/// <summary><c>customer export</c>: everything stored about one customer, as JSON (GDPR Art. 15/20).</summary>
internal sealed class CustomerExportCommand : ICommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Name => "customer export";

    public string Usage => $"{CustomerCommandServices.Usage} [--out FILE] [--files DIR]";

    public string Description => "Writes everything stored about a customer (records, tickets, transcripts, notes, the list of their files) as JSON, to FILE or the console; --files DIR also writes the files themselves into DIR.";

    public IReadOnlyList<CommandOption> Options { get; } = [.. CustomerCommandServices.SubjectOptions, CommandOption.Value("out"), CommandOption.Value("files")];

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var subject = CustomerCommandServices.Subject(arguments);
        var file = arguments.All("out") is [var path] ? Path.GetFullPath(path) : null;
        var filesDirectory = arguments.All("files") is [var folder] ? Path.GetFullPath(folder) : null;
        await using var services = await CustomerCommandServices.StartAsync(context.Configuration, ct);
        CustomerExport export;
        try
        {
            export = await services.GetRequiredService<CustomerDataRequests>().ExportAsync(subject, ct);
        }
        catch (CustomerNotFoundException e)
        {
            await context.Error.WriteLineAsync($"customer export: {e.Message}");
            return CommandLine.UsageExitCode;
        }

        int? written = null;
        if (filesDirectory is not null)
        {
            try
            {
                written = await services.GetRequiredService<CustomerFiles>().WriteAsync(export, filesDirectory, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PrivacyException)
            {
                await context.Error.WriteLineAsync($"customer export: the files could not be written: {e.Message}");
                return 1;
            }
        }

        var json = JsonSerializer.Serialize(export, Json);
        if (file is null)
        {
            await context.Out.WriteLineAsync(json);

            // The document is the output; what else happened goes to stderr, so the JSON stays clean for a pipe.
            if (written is { } count)
            {
                await context.Error.WriteLineAsync(Invariant.Text($"Wrote {count} file(s) to {filesDirectory}."));
            }

            return 0;
        }

        await File.WriteAllTextAsync(file, json, ct);
        var files = written is { } n ? Invariant.Text($" and its {n} file(s) to {filesDirectory}") : string.Empty;
        await context.Out.WriteLineAsync(Invariant.Text(
            $"Exported {export.Customers.Count} customer record(s), {export.Tickets.Count} ticket(s) and {export.Conversations.Count} conversation(s) of {subject} to {file}{files}. Review internal notes before handing it over."));
        return 0;
    }
}
