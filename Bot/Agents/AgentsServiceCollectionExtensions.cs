using FirstLine.Bot.Agents.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FirstLine.Bot.Agents;

public static class AgentsServiceCollectionExtensions
{
    /// <summary>
    /// Agent accounts, API keys, sign-in with lockout, the console cookie (with antiforgery for form posts),
    /// the API-key bearer scheme, the policies <see cref="AgentPolicies"/>, presence with business hours, and the
    /// ticket services the console and the REST API share.
    /// </summary>
    public static IServiceCollection AddAgents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AgentOptions>().Bind(configuration.GetSection(AgentOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AgentOptions>, AgentOptionsValidator>();

        services.AddSingleton<AgentPasswords>();
        services.AddSingleton<AgentDirectory>();
        services.AddSingleton<ApiKeys>();
        services.AddSingleton<AgentSignIn>();
        services.AddSingleton<AgentCookieValidator>();
        services.AddSingleton<AgentPresence>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, AgentPresenceCircuitHandler>());

        services.AddSingleton<TicketSearch>();
        services.AddSingleton<TicketDetails>();
        services.AddSingleton<TicketReplies>();
        services.AddSingleton<TicketAttachments>();
        services.AddSingleton<PendingReplySender>();
        services.AddHostedService(provider => provider.GetRequiredService<PendingReplySender>());

        services.AddProblemDetails();
        AddAuthentication(services);
        services.AddAuthorization(options =>
        {
            string[] anyRole = [nameof(AgentRole.Agent), nameof(AgentRole.Admin)];
            options.AddPolicy(AgentPolicies.Agent, p => p.RequireAuthenticatedUser().RequireRole(anyRole));
            options.AddPolicy(AgentPolicies.Admin, p => p.RequireAuthenticatedUser().RequireRole(nameof(AgentRole.Admin)));
            options.AddPolicy(AgentPolicies.Level3, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.MayWorkAt(Tickets.SupportLevel.Third)));
            options.AddPolicy(AgentPolicies.Api, p => p.AddAuthenticationSchemes(AgentAuthentication.ApiKeyScheme).RequireAuthenticatedUser().RequireRole(anyRole));
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AgentAuthentication.AntiforgeryCookieName;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
            options.HeaderName = AgentAuthentication.AntiforgeryHeaderName;
        });
        return services;
    }

    /// <summary>Problem details for the API, authentication, authorization and antiforgery, in that order.</summary>
    public static WebApplication UseAgents(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase),
            api =>
            {
                // API errors, including ones the framework answers with an empty body (413 on an oversized body), are RFC 7807.
                api.UseExceptionHandler();
                api.UseStatusCodePages();

                // API JSON carries customer text verbatim; a browser must never sniff it into HTML.
                api.Use((context, next) =>
                {
                    context.Response.Headers.XContentTypeOptions = "nosniff";
                    return next(context);
                });
            });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    private static void AddAuthentication(IServiceCollection services)
    {
        services.AddAuthentication(AgentAuthentication.CookieScheme)
            .AddCookie(AgentAuthentication.CookieScheme, options =>
            {
                options.Cookie.Name = AgentAuthentication.CookieName;
                options.Cookie.HttpOnly = true;

                // Strict: the browser never sends the session cookie on a cross-site request (CSRF), on top of antiforgery tokens.
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.SlidingExpiration = true;
                options.LoginPath = AgentAuthentication.LoginPath;
                options.LogoutPath = AgentAuthentication.LogoutPath;
                options.AccessDeniedPath = AgentAuthentication.AccessDeniedPath;
                options.Events.OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<AgentCookieValidator>().ValidateAsync(context);
                options.Events.OnRedirectToLogin = context => RedirectOrStatusAsync(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => RedirectOrStatusAsync(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AgentAuthentication.ApiKeyScheme, "API key", configureOptions: null);
        services.AddOptions<CookieAuthenticationOptions>(AgentAuthentication.CookieScheme)
            .Configure<IOptions<AgentOptions>>((cookie, agents) => cookie.ExpireTimeSpan = agents.Value.SessionLifetime);
    }

    /// <summary>Pages get the sign-in redirect; script calls (fetch, API) get a status they can act on.</summary>
    private static Task RedirectOrStatusAsync(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        var wantsPage = HttpMethods.IsGet(request.Method) && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        if (wantsPage && !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }
}
