namespace FirstLine.Bot.Agents.Authentication;

/// <summary>Names of the authentication schemes and authorization policies, for endpoints and pages.</summary>
public static class AgentAuthentication
{
    /// <summary>The console's sign-in cookie (the default scheme).</summary>
    public const string CookieScheme = "FirstLine.Agent";

    /// <summary><c>Authorization: Bearer &lt;api key&gt;</c> for the REST API.</summary>
    public const string ApiKeyScheme = "ApiKey";

    public const string CookieName = "FirstLine.Agent";

    public const string AntiforgeryCookieName = "FirstLine.Antiforgery";

    public const string AntiforgeryHeaderName = "X-CSRF-TOKEN";

    public const string LoginPath = "/agent/login";

    public const string LogoutPath = "/agent/logout";

    public const string AccessDeniedPath = "/agent/denied";
}

/// <summary>Authorization policies: use with <c>[Authorize(Policy = AgentPolicies.Agent)]</c> or <c>RequireAuthorization</c>.</summary>
public static class AgentPolicies
{
    /// <summary>Any signed-in agent or admin.</summary>
    public const string Agent = "Agent";

    /// <summary>Admins only.</summary>
    public const string Admin = "Admin";

    /// <summary>Level-3 agents (and admins): may act on tickets escalated to level 3.</summary>
    public const string Level3 = "Level3";

    /// <summary>The REST API: an API key in the Authorization header, role Agent or Admin.</summary>
    public const string Api = "Api";
}
