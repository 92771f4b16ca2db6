namespace FirstLine.Benchmarks.Load;

/// <summary>What one scenario (baseline or FirstLine) measured.</summary>
internal sealed record ScenarioResult(
    string Name,
    int Conversations,
    int MessagesPerConversation,
    LatencyStats Setup,
    LatencyStats Turns,
    TimeSpan TurnPhase,
    ResourceUsage Resources,
    int Errors,
    IReadOnlyList<string> ErrorSamples,
    bool TimedOut)
{
    public int TurnsPlanned => Conversations * MessagesPerConversation;

    public int TurnsCompleted => Turns.Count;

    /// <summary>Completed turns per second of the turn phase, with every conversation talking at once.</summary>
    public double TurnsPerSecond => TurnPhase > TimeSpan.Zero ? TurnsCompleted / TurnPhase.TotalSeconds : double.NaN;

    public double AllocatedBytesPerTurn => TurnsCompleted > 0 ? (double)Resources.AllocatedBytes / TurnsCompleted : double.NaN;
}
