namespace FirstLine.Bot.Hosting;

/// <summary>
/// The composition root: one <c>AddXxx()</c> per module. Tests and benchmarks build the same app
/// through <see cref="Create"/> so they exercise exactly what <c>dotnet run --project Bot</c> serves.
/// </summary>
public static class FirstLineApp
{
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        return app;
    }
}
