namespace FirstLine.Bot.Agents.Console;

/// <summary>The console's addresses, in one place for pages, redirects and tests.</summary>
public static class ConsoleRoutes
{
    public const string Queue = "/agent";

    public const string Login = "/agent/login";

    /// <summary>The sign-in endpoint (served by the agent accounts module) the login form posts to.</summary>
    public const string SignIn = "/agent/signin";

    public const string SignOut = "/agent/signout";

    public static string Ticket(string number) => $"/agent/tickets/{Uri.EscapeDataString(number)}";

    public static string LanguageSwitch(string language, string returnUrl) =>
        $"/agent/language/{language}?returnUrl={Uri.EscapeDataString(returnUrl)}";
}
