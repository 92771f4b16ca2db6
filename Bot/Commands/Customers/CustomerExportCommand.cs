using System.Text.Json;
using FirstLine.Bot.Privacy;

namespace FirstLine.Bot.Commands.Customers;

/// <summary><c>customer export</c>: everything stored about one customer, as JSON (GDPR Art. 15/20).</summary>
internal sealed class CustomerExportCommand : ICommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Name => "customer export";

    public string Usage => $"{CustomerCommandServices.Usage} [--out FILE]";

    public string Description => "Writes everything stored about a customer (records, tickets, transcripts, notes, attachment list) as JSON, to FILE or the console.";

    public IReadOnlyList<CommandOption> Options { get; } = [.. CustomerCommandServices.SubjectOptions, CommandOption.Value("out")];

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var subject = CustomerCommandServices.Subject(arguments);
        var file = arguments.All("out") is [var path] ? Path.GetFullPath(path) : null;
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

        var json = JsonSerializer.Serialize(export, Json);
        if (file is null)
        {
            await context.Out.WriteLineAsync(json);
            return 0;
        }

        await File.WriteAllTextAsync(file, json, ct);
        await context.Out.WriteLineAsync(Invariant.Text(
            $"Exported {export.Customers.Count} customer record(s), {export.Tickets.Count} ticket(s) and {export.Conversations.Count} conversation(s) of {subject} to {file}. Review internal notes before handing it over."));
        return 0;
    }
}
