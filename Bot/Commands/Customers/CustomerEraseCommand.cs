using FirstLine.Bot.Privacy;

namespace FirstLine.Bot.Commands.Customers;

/// <summary><c>customer erase</c>: anonymises everything of one customer (GDPR Art. 17); tickets keep their statistics.</summary>
internal sealed class CustomerEraseCommand : ICommand
{
    public string Name => "customer erase";

    public string Usage => CustomerCommandServices.Usage;

    public string Description => "Erases a customer's personal data everywhere (tickets are closed and anonymised, keeping their statistics); cannot be undone.";

    public IReadOnlyList<CommandOption> Options { get; } = [.. CustomerCommandServices.SubjectOptions];

    public async Task<int> RunAsync(CommandArguments arguments, CommandContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var subject = CustomerCommandServices.Subject(arguments);
        await using var services = await CustomerCommandServices.StartAsync(context.Configuration, ct);
        try
        {
            var erasure = await services.GetRequiredService<CustomerDataRequests>().EraseAsync(subject, "command line", ct);
            var tickets = erasure.Tickets.Count == 0 ? "no ticket left to anonymise" : $"tickets {string.Join(", ", erasure.Tickets)} anonymised";
            await context.Out.WriteLineAsync(erasure.Erased.Total == 0
                ? $"Nothing left to erase for {subject} (erased already)."
                : $"Erased the data of {subject}: {tickets}; {erasure.Erased}.");
            return 0;
        }
        catch (CustomerNotFoundException e)
        {
            await context.Error.WriteLineAsync($"customer erase: {e.Message}");
            return CommandLine.UsageExitCode;
        }
    }
}
