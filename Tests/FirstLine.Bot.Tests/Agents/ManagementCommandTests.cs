using System.Net;
using FirstLine.Bot.Agents.Authentication;
using FirstLine.Bot.Storage;
using FirstLine.Bot.Tests.Commands;
using FirstLine.Bot.Tests.DirectLine;
using Microsoft.Extensions.DependencyInjection;

namespace FirstLine.Bot.Tests.Agents;

public abstract class ManagementCommandTests(StorageProvider provider) : IAsyncLifetime
{
    private DirectLineHost host = null!;

    public async Task InitializeAsync() => host = await DirectLineHost.StartAsync(provider: provider);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_commands_create_an_agent_and_a_key_that_work_against_the_running_api()
    {
        var (agentExit, agentOut, _) = await RunAsync("agent", "add", "--email", "cli@example.test", "--name", "Cli Agent", "--password", "correct horse battery", "--role", "admin", "--level", "3");
        var (keyExit, keyOut, _) = await RunAsync("apikey", "create", "--name", "integration");

        Assert.Equal(0, agentExit);
        Assert.Contains("Cli Agent <cli@example.test>, role Admin, level 3", agentOut, StringComparison.Ordinal);
        Assert.Equal(0, keyExit);
        var key = keyOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        Assert.StartsWith("flk_", key, StringComparison.Ordinal);

        var signIn = await host.Services.GetRequiredService<AgentSignIn>().SignInAsync("cli@example.test", "correct horse battery", CancellationToken.None);
        Assert.True(signIn.Succeeded);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/agents");
        request.Headers.Authorization = new("Bearer", key);
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("cli@example.test", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (revokeExit, _, _) = await RunAsync("apikey", "revoke", "--id", "1");
        Assert.Equal(0, revokeExit);
        using var revoked = new HttpRequestMessage(HttpMethod.Get, "api/tickets");
        revoked.Headers.Authorization = new("Bearer", key);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.SendAsync(revoked)).StatusCode);
    }

    [Theory]
    [InlineData("--role", "boss", "--role must be 'agent' or 'admin'")]
    [InlineData("--level", "4", "--level must be 2 or 3")]
    [InlineData("--password", "short", "at least")]
    [InlineData("--email", "not-an-address", "not a valid e-mail address")]
    public async Task Bad_agent_options_exit_2_with_a_message(string option, string value, string message)
    {
        var args = new Dictionary<string, string>
        {
            ["--email"] = "bad@example.test",
            ["--name"] = "Bad",
            ["--password"] = "correct horse battery",
            ["--role"] = "agent",
        };
        args[option] = value;

        var (exit, _, error) = await RunAsync(["agent", "add", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_agent_with_the_same_address_exits_2()
    {
        string[] add = ["agent", "add", "--email", "same@example.test", "--name", "Same", "--password", "correct horse battery", "--role", "agent"];
        Assert.Equal(0, (await RunAsync(add)).Exit);

        var (exit, _, error) = await RunAsync(add);

        Assert.Equal(2, exit);
        Assert.Contains("exists already", error, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var run = await CommandRun.RunWithAsync(args, host.StorageConfiguration());
        return (run.ExitCode ?? -1, run.Out, run.Error);
    }
}

public sealed class ManagementCommandOnSqliteTests() : ManagementCommandTests(StorageProvider.Sqlite);

public sealed class ManagementCommandOnPostgreSqlTests() : ManagementCommandTests(StorageProvider.PostgreSql);
