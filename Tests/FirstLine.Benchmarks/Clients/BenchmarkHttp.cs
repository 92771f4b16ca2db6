namespace FirstLine.Benchmarks.Clients;

/// <summary>The one HttpClient every simulated Direct Line user shares, as a browser's page would share its connection pool.</summary>
internal static class BenchmarkHttp
{
    public static HttpClient Create(int conversations)
    {
        var handler = new SocketsHttpHandler
        {
            // Every user may have a POST in flight at once; a smaller pool would queue them in the client and
            // the wait would be counted against the server.
            MaxConnectionsPerServer = Math.Max(256, conversations * 2),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
        };

        // Each turn has its own deadline (--turn-timeout); the client's global one would only blur that.
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
