namespace FirstLine.Benchmarks.Clients;

/// <summary>One simulated user: connects once, then takes turns (send a message, wait for the answer).</summary>
internal interface ITurnClient : IAsyncDisposable
{
    /// <summary>Everything before the first message (for Direct Line: token, start, stream, greeting).</summary>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Sends message number <paramref name="turn"/> and returns the time until its answer arrived.</summary>
    Task<TimeSpan> TakeTurnAsync(int turn, CancellationToken cancellationToken);
}
