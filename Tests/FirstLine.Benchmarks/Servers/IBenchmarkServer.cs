namespace FirstLine.Benchmarks.Servers;

/// <summary>A server started in this process on a loopback port, for one scenario.</summary>
internal interface IBenchmarkServer : IAsyncDisposable
{
    /// <summary>E.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    Uri BaseUrl { get; }
}
