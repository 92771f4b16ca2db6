using FirstLine.Bot.Conversations;
using FirstLine.Bot.Handoff;
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
        services.AddSingleton<MailProcessor>();
        services.AddSingleton<MailboxPoller>();
        services.AddSingleton<EmailOutboxSender>();
        if (section.GetValue("PollInBackground", defaultValue: true))
        {
            services.AddHostedService<EmailPollingService>();
        }

        return services;
    }

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
