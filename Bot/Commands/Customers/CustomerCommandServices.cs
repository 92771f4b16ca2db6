using FirstLine.Bot.Commands.Agents;
using FirstLine.Bot.Privacy;
using FirstLine.Bot.Tickets;

namespace FirstLine.Bot.Commands.Customers;

/// <summary>What the customer commands share: which customer the options name, and the services to ask.</summary>
internal static class CustomerCommandServices
{
    public const string Usage = "--email E | --ticket N";

    public static IEnumerable<CommandOption> SubjectOptions => [CommandOption.Value("email"), CommandOption.Value("ticket")];

    /// <summary>The customer named by exactly one of <c>--email</c> and <c>--ticket</c>.</summary>
    public static DataSubject Subject(CommandArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        try
        {
            return (arguments.All("email"), arguments.All("ticket")) switch
            {
                ([var email], []) => DataSubject.ByEmail(email),
                ([], [var number]) => DataSubject.ByTicket(number),
                _ => throw new CommandUsageException("name the customer with either --email or --ticket"),
            };
        }
        catch (InvalidDataSubjectException e)
        {
            throw new CommandUsageException(e.Message, e);
        }
    }

    /// <summary>The configured database, migrated, with the customer requests on it.</summary>
    public static Task<ServiceProvider> StartAsync(IConfiguration configuration, CancellationToken ct) =>
        AgentCommandServices.StartAsync(configuration, ct, services =>
        {
            services.AddTickets(configuration);
            services.AddPrivacy(configuration);
        });
}
