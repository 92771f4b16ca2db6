namespace FirstLine.Bot.Tickets;

public static class TicketsServiceCollectionExtensions
{
    public static IServiceCollection AddTickets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TicketOptions>()
            .Bind(configuration.GetSection(TicketOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => Enum.GetValues<TicketPriority>().All(p => o.Sla.ContainsKey(p)), "Tickets:Sla needs a target for every priority P1-P4.")
            .Validate(o => o.Sla.Values.All(t => t.FirstResponse > TimeSpan.Zero && t.Resolution >= t.FirstResponse), "Tickets:Sla: every FirstResponse must be positive and no longer than its Resolution.")
            .ValidateOnStart();
        services.AddSingleton<TicketService>();
        return services;
    }
}
