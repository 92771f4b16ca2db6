using FirstLine.Bot.Conversations;
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
        services.AddSingleton(sp =>
        {
            var adapter = new EmailAdapter(sp.GetRequiredService<ConversationTurnGate>());
            adapter.Use(sp.GetRequiredService<TranscriptLoggerMiddleware>());
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
}
