using FirstLine.Bot.Commands;
using FirstLine.Bot.Hosting;

// A command (`eval kb …`, `eval language …`) runs and exits; anything else starts the web host.
if (await CommandLine.TryRunAsync(args, CancellationToken.None) is { } exitCode)
{
    return exitCode;
}

var app = FirstLineApp.Create(args);
await app.RunAsync();
return 0;
