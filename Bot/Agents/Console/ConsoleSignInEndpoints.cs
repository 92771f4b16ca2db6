using FirstLine.Bot.Agents.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace FirstLine.Bot.Agents.Console;

/// <summary>
/// The form posts behind the sign-in page and the sign-out button. Both are form-bound, so the antiforgery
/// middleware validates their token; the checks themselves (password, lockout, cookie) are <see cref="AgentSignIn"/>'s.
/// </summary>
internal static class ConsoleSignInEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost(ConsoleRoutes.SignIn, SignInAsync);
        app.MapPost(ConsoleRoutes.SignOut, SignOutAsync);
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context,
        [FromForm(Name = "email")] string? email,
        [FromForm(Name = "password")] string? password,
        [FromForm(Name = "returnUrl")] string? returnUrl,
        AgentSignIn signIn,
        CancellationToken cancellationToken)
    {
        var result = await signIn.SignInAsync(context, email ?? string.Empty, password ?? string.Empty, cancellationToken);
        var target = ConsoleLanguage.IsLocal(returnUrl) ? returnUrl! : ConsoleRoutes.Queue;
        if (result.Succeeded)
        {
            return Results.LocalRedirect(target);
        }

        var error = result.Status switch
        {
            AgentSignInStatus.LockedOut => "locked",
            AgentSignInStatus.Disabled => "disabled",
            _ => "invalid",
        };
        return Results.LocalRedirect($"{ConsoleRoutes.Login}?error={error}&ReturnUrl={Uri.EscapeDataString(target)}");
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, AgentSignIn signIn, CancellationToken cancellationToken)
    {
        await signIn.SignOutAsync(context, cancellationToken);
        return Results.LocalRedirect(ConsoleRoutes.Login);
    }
}
