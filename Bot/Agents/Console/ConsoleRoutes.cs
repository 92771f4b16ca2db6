namespace FirstLine.Bot.Agents.Console;

/// <summary>The console's addresses, in one place for pages, redirects and tests.</summary>
public static class ConsoleRoutes
{
    public const string Queue = "/agent";

    public const string Login = Authentication.AgentAuthentication.LoginPath;

    /// <summary>The form post behind the sign-in page (<see cref="ConsoleSignInEndpoints"/>).</summary>
    public const string SignIn = "/agent/signin";

    /// <summary>The cookie's LogoutPath (<see cref="Authentication.AgentAuthentication.LogoutPath"/>).</summary>
    public const string SignOut = Authentication.AgentAuthentication.LogoutPath;

    /// <summary>The scheduler's jobs (admins only).</summary>
    public const string Jobs = "/agent/jobs";

    public const string Denied = Authentication.AgentAuthentication.AccessDeniedPath;

    public static string Ticket(string number) => $"/agent/tickets/{Uri.EscapeDataString(number)}";

    /// <summary>A ticket's file, downloaded with the console's sign-in cookie (<see cref="ConsoleAttachmentEndpoints"/>).</summary>
    public static string Attachment(string number, long id) => $"/agent/tickets/{Uri.EscapeDataString(number)}/attachments/{id}";

    public static string LanguageSwitch(string language, string returnUrl) =>
        $"/agent/language/{language}?returnUrl={Uri.EscapeDataString(returnUrl)}";
}
