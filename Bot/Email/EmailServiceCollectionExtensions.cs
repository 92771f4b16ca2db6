using FirstLine.Bot.Conversations;
using FirstLine.Bot.Handoff;
using FirstLine.Bot.Scheduling;
using FirstLine.Bot.Tickets.FollowUps;
using FirstLine.Channels.Email;
using FirstLine.Channels.Turns;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// The email channel: every mailbox under <c>Email:Mailboxes</c> is polled over IMAP and answered over SMTP
    /// through the same bot. Does nothing when no mailbox is configured.
    /// </summary>
    public static IServiceCollection AddEmailChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(EmailOptions.SectionName);
        if (!section.GetSection("Mailboxes").GetChildren().Any())
        {
            return services;
        }

        services.AddOptions<EmailOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConversationTurnGate>();
        services.AddSingleton(sp => new EmailReader(sp.GetRequiredService<IOptions<EmailOptions>>().Value));
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<EmailThreadMailer>();
        services.AddSingleton<IEmailOutbox>(sp => sp.GetRequiredService<EmailThreadMailer>());
        services.AddSingleton<ICustomerFallbackChannel, EmailContinuity>();
        services.AddSingleton(sp =>
        {
            var adapter = new EmailAdapter(sp.GetRequiredService<ConversationTurnGate>(), sp.GetRequiredService<IEmailOutbox>());
            adapter.Use(sp.GetRequiredService<TranscriptLoggerMiddleware>());
            adapter.Use(sp.GetRequiredService<CustomerAnsweredMiddleware>());

            // While an agent owns the thread, the customer's mail goes to the agent, not to the dialogs.
            adapter.Use(sp.GetRequiredService<HandoffRoutingMiddleware>());
            adapter.OnTurnError = sp.GetRequiredService<TurnErrorHandler>().HandleAsync;
            return adapter;
        });
        services.AddSingleton<IProcessedMailStore, EfProcessedMailStore>();
        services.AddSingleton<EmailThreadResolver>();
        services.AddOptions<AutoReplyLimitOptions>().Bind(configuration.GetSection(AutoReplyLimitOptions.SectionName))
            .Validate(o => o.PerSenderPerHour is >= 1 and <= 1000, "Email:AutoReplyLimit:PerSenderPerHour must be between 1 and 1000 (automatic answers one sender may get per hour).")
            .ValidateOnStart();
        services.AddSingleton<AutoReplyLimit>();
        services.AddSingleton<MailProcessor>();
        services.AddSingleton<MailboxPollLock>();
        services.AddSingleton<MailboxPoller>();
        services.AddSingleton<EmailOutboxSender>();
        AddJobs(services, section);
        return services;
    }

    /// <summary>A poll job per mailbox and one outbox job, scheduled unless <c>Email:PollInBackground</c> is false.</summary>
    private static void AddJobs(IServiceCollection services, IConfigurationSection section)
    {
        services.AddOptions<EmailJobOptions>().Bind(section)
            .Validate(o => o.OutboxSeconds is >= 1 and <= 3600, "Email:OutboxSeconds must be between 1 and 3600.")
            .Validate(
                o => o.PauseBeforeMove >= TimeSpan.Zero && o.PauseBeforeMove <= TimeSpan.FromMinutes(10),
                "Email:PauseBeforeMove must be between 00:00:00 and 00:10:00; it is for failover drills, leave it unset otherwise.")
            .ValidateOnStart();
        services.AddSingleton<MailboxJobs>();

        // Read while the services are described; the validators report bad values at start (the clamps only keep
        // the schedule constructors from refusing them first).
        var jobs = section.Get<EmailJobOptions>() ?? new EmailJobOptions();
        foreach (var mailbox in section.Get<EmailOptions>()?.Mailboxes.Where(m => !string.IsNullOrWhiteSpace(m.Address)) ?? [])
        {
            services.AddScheduledJob<MailboxPollJob>(
                MailboxJobs.PollKey(mailbox.Address!),
                Every(jobs, mailbox.PollSeconds),
                $"Fetches new mail of {mailbox.Address} over IMAP and answers it; backs off while the mailbox fails.",
                new Dictionary<string, string> { [MailboxJobs.MailboxData] = mailbox.Address! });
        }

        // IDLE speeds up background polling; with polling on demand (tests) nothing may poll on its own.
        if (jobs.PollInBackground)
        {
            services.AddHostedService<MailboxIdleWatcher>();
        }

        services.AddScheduledJob<EmailOutboxJob>(
            MailboxJobs.OutboxKey,
            Every(jobs, jobs.OutboxSeconds),
            "Sends due mails from the outbox over SMTP; a failed send is retried with back-off (30 s doubling to 1 h, 10 attempts).");
    }

    private static JobSchedule Every(EmailJobOptions jobs, int seconds) =>
        jobs.PollInBackground ? JobSchedule.Every(TimeSpan.FromSeconds(Math.Max(1, seconds))) : JobSchedule.OnDemand;

    /// <summary>Lets agents and the desk reach email customers (<c>ContinueConversationAsync</c> on the email channel).</summary>
    public static WebApplication UseEmailChannel(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<EmailAdapter>() is { } adapter)
        {
            app.Services.GetRequiredService<ChannelAdapters>().Register(EmailChannel.ChannelId, adapter);
        }

        return app;
    }
}
