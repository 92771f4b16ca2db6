using FirstLine.Bot.Agents;
using FirstLine.Bot.Agents.Authentication;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace FirstLine.Bot.Tests.Agents;

public abstract class SignInTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private AgentApiHost api = null!;

    public async Task InitializeAsync() => api = await AgentApiHost.StartAsync(["--Agents:Lockout:MaxFailedAttempts=3"], provider);

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task The_password_is_stored_only_as_a_salted_hash_and_signs_in()
    {
        var agent = await AddAgentAsync("hash@example.test");
        var other = await AddAgentAsync("hash2@example.test");

        await using var db = await api.Get<IDbContextFactory<FirstLineDbContext>>().CreateDbContextAsync();
        var hashes = await db.Agents.Where(a => a.Id == agent.Id || a.Id == other.Id).Select(a => a.PasswordHash).ToListAsync();
        Assert.All(hashes, h => Assert.DoesNotContain(Password, h, StringComparison.Ordinal));
        Assert.NotEqual(hashes[0], hashes[1]);

        var result = await api.Get<AgentSignIn>().SignInAsync("HASH@example.test", Password, CancellationToken.None);
        Assert.True(result.Succeeded);
        Assert.Equal(agent.AgentId, result.Principal!.GetAgentId());
        Assert.Equal(SupportLevel.Second, result.Principal!.GetLevel());
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_even_against_the_right_one_until_the_lockout_ends()
    {
        await AddAgentAsync("lock@example.test");
        var signIn = api.Get<AgentSignIn>();

        Assert.Equal(AgentSignInStatus.InvalidCredentials, (await signIn.SignInAsync("lock@example.test", "wrong-1", CancellationToken.None)).Status);
        Assert.Equal(AgentSignInStatus.InvalidCredentials, (await signIn.SignInAsync("lock@example.test", "wrong-2", CancellationToken.None)).Status);
        var third = await signIn.SignInAsync("lock@example.test", "wrong-3", CancellationToken.None);
        Assert.Equal(AgentSignInStatus.LockedOut, third.Status);
        Assert.Contains("Too many failed sign-ins", third.Message, StringComparison.Ordinal);

        Assert.Equal(AgentSignInStatus.LockedOut, (await signIn.SignInAsync("lock@example.test", Password, CancellationToken.None)).Status);

        api.Host.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(AgentSignInStatus.Succeeded, (await signIn.SignInAsync("lock@example.test", Password, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Failures_outside_the_window_do_not_add_up()
    {
        await AddAgentAsync("window@example.test");
        var signIn = api.Get<AgentSignIn>();
        await signIn.SignInAsync("window@example.test", "wrong-1", CancellationToken.None);
        await signIn.SignInAsync("window@example.test", "wrong-2", CancellationToken.None);

        api.Host.Clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(AgentSignInStatus.InvalidCredentials, (await signIn.SignInAsync("window@example.test", "wrong-3", CancellationToken.None)).Status);
        Assert.Equal(AgentSignInStatus.Succeeded, (await signIn.SignInAsync("window@example.test", Password, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Unknown_addresses_and_disabled_agents_are_refused()
    {
        var agent = await AddAgentAsync("disabled@example.test");
        await api.Get<AgentDirectory>().SetDisabledAsync(agent.Id, disabled: true, CancellationToken.None);
        var signIn = api.Get<AgentSignIn>();

        Assert.Equal(AgentSignInStatus.InvalidCredentials, (await signIn.SignInAsync("nobody@example.test", Password, CancellationToken.None)).Status);
        Assert.Equal(AgentSignInStatus.Disabled, (await signIn.SignInAsync("disabled@example.test", Password, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Bad_accounts_are_refused_with_reasons()
    {
        var directory = api.Get<AgentDirectory>();
        await AddAgentAsync("twice@example.test");

        await Assert.ThrowsAsync<AgentAlreadyExistsException>(() => directory.CreateAsync(new NewAgent("TWICE@example.test", "Again", Password, AgentRole.Agent), CancellationToken.None));
        var shortPassword = await Assert.ThrowsAsync<AgentValidationException>(() => directory.CreateAsync(new NewAgent("short@example.test", "Short", "abc", AgentRole.Agent), CancellationToken.None));
        Assert.Contains("at least", shortPassword.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<AgentValidationException>(() => directory.CreateAsync(new NewAgent("not an address", "X", Password, AgentRole.Agent), CancellationToken.None));
    }

    private Task<AgentAccount> AddAgentAsync(string email) =>
        api.Get<AgentDirectory>().CreateAsync(new NewAgent(email, "Test Agent", Password, AgentRole.Agent), CancellationToken.None);
}

public sealed class SignInOnSqliteTests() : SignInTests(StorageProvider.Sqlite);

public sealed class SignInOnPostgreSqlTests() : SignInTests(StorageProvider.PostgreSql);
