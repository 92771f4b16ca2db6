using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace FirstLine.Bot.Tests.Scaling;

/// <summary>
/// The real Redis that <c>./test.sh</c> starts (Tests/scripts/test-servers.sh, 127.0.0.1:6390). A Redis that does not
/// answer FAILS the test (never skips), naming ./test.sh.
/// </summary>
public static class ScalingServers
{
    /// <summary>The StackExchange.Redis connection string of the test Redis.</summary>
    public static string Redis => Environment.GetEnvironmentVariable("FIRSTLINE_TEST_REDIS") is { Length: > 0 } redis ? redis : "127.0.0.1:6390";

    /// <summary>A key prefix of its own per test, so tests running at once never hear each other's events.</summary>
    public static string NewKeyPrefix() => $"firstline-test-{Guid.NewGuid():N}";

    public static async Task RequireRedisAsync()
    {
        var endpoint = ConfigurationOptions.Parse(Redis).EndPoints[0];
        using var tcp = new TcpClient();
        try
        {
            await (endpoint switch
            {
                IPEndPoint ip => tcp.ConnectAsync(ip.Address, ip.Port),
                DnsEndPoint dns => tcp.ConnectAsync(dns.Host, dns.Port),
                _ => throw new InvalidOperationException($"FIRSTLINE_TEST_REDIS names no host and port: {Redis}"),
            }).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception exception) when (exception is SocketException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"Scale-out test cannot run: Redis does not answer on {Redis} ({exception.Message}). Run ./test.sh from the repository root; it installs and starts Redis (Tests/scripts/test-servers.sh), or export FIRSTLINE_TEST_REDIS.",
                exception);
        }
    }
}
