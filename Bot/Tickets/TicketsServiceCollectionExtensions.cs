using FirstLine.Bot.Handoff;
using FirstLine.Bot.Scheduling;
using FirstLine.Bot.Tickets.FollowUps;
using FirstLine.Bot.Tickets.Sla;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Tickets;

public static class TicketsServiceCollectionExtensions
{
    /// <summary>
    /// Tickets with their lifecycle and audit trail, the business-hours calendar, the SLA clocks and watch, and the
    /// follow-ups with quiet customers.
    /// </summary>
    public static IServiceCollection AddTickets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TicketOptions>()
            .Bind(configuration.GetSection(TicketOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => Enum.GetValues<TicketPriority>().All(p => o.Sla.ContainsKey(p)), "Tickets:Sla needs a target for every priority P1-P4.")
            .Validate(o => o.Sla.Values.All(t => t.FirstResponse > TimeSpan.Zero && t.Resolution >= t.FirstResponse), "Tickets:Sla: every FirstResponse must be positive and no longer than its Resolution.")
            .ValidateOnStart();
        services.AddOptions<BusinessHoursOptions>().Bind(configuration.GetSection(BusinessHoursOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BusinessHoursOptions>, BusinessHoursOptionsValidator>();
        services.AddSingleton<BusinessHours>();
        services.AddSingleton<SlaClock>();
        services.AddSingleton<TicketService>();

        services.AddOptions<SlaWatchOptions>().Bind(configuration.GetSection(SlaWatchOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlaWatchOptions>, SlaWatchOptionsValidator>();
        services.AddSingleton<SupervisorMail>();
        services.AddSingleton<SlaEscalation>();
        services.AddSingleton<SlaWatch>();

        services.AddOptions<FollowUpOptions>().Bind(configuration.GetSection(FollowUpOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FollowUpOptions>, FollowUpOptionsValidator>();
        services.AddSingleton<CustomerNotices>();
        services.AddSingleton<CustomerAnsweredMiddleware>();
        services.AddSingleton<CustomerFollowUps>();

        // Once a minute, on one node at a time: a missed minute is simply caught up by the next run.
        services.AddScheduledJob<SlaWatchJob>(SlaWatchJob.Key, JobSchedule.Every(TimeSpan.FromMinutes(1)), "Warns agents before an SLA target is due and escalates tickets that missed one.");
        services.AddScheduledJob<FollowUpsJob>(FollowUpsJob.Key, JobSchedule.Every(TimeSpan.FromMinutes(1)), "Reminds and closes quiet Pending tickets, closes Resolved ones, ends idle bot chats, offers email to customers waiting for an agent.");
        return services;
    }
}
