using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.Support;
using Xunit.Abstractions;

namespace FirstLine.Bot.Tests.Email;

/// <summary>
/// A test against the real Dovecot and Postfix: both mailboxes emptied, a FirstLine host with the scripted bot on a
/// fresh database, its log in the test output.
/// </summary>
[Collection("Mail servers")]
public abstract class MailServerTest(ITestOutputHelper output, StorageProvider provider = StorageProvider.Sqlite) : IAsyncLifetime
{
    private EmailHost? first;
    private EmailHost? host;

    protected TestOutputLoggerProvider Log { get; } = new();

    protected ScriptedBot Bot { get; } = new();

    protected EmailHost Host => host ?? throw new InvalidOperationException("The host is not running.");

    /// <summary>Configuration the host of this test class starts with, beyond the support mailbox.</summary>
    protected virtual IEnumerable<string> Settings => [];

    /// <summary>The database the host of this test class runs on.</summary>
    protected virtual StorageProvider Provider => provider;

    public virtual async Task InitializeAsync()
    {
        await MailServers.RequireAsync();
        await MailServers.ClearAsync(MailServers.Support);
        await MailServers.ClearAsync(MailServers.Customer);
        await BeforeHostStartsAsync();
        Log.Attach(output);
        first = host = await EmailHost.StartAsync(Bot, Log, Settings, Provider);
    }

    /// <summary>Runs after the mailboxes were emptied and before the host starts (e.g. mail its first poll must find).</summary>
    protected virtual Task BeforeHostStartsAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        // The first host owns the data folder and the database; successors only share them.
        if (host is not null && host != first)
        {
            await host.DisposeAsync();
        }

        if (first is not null)
        {
            await first.DisposeAsync();
        }

        Log.Dispose();
    }

    /// <summary>Stops the host and starts another on the same data, as after a process restart.</summary>
    protected async Task RestartHostAsync(IEnumerable<string>? settings = null)
    {
        var previous = Host;
        host = null;
        host = await previous.RestartAsync(Bot, Log, settings ?? Settings);
    }
}
