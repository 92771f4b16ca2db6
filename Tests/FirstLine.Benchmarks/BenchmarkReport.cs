using FirstLine.Benchmarks.Load;
using FirstLine.Benchmarks.Servers;

namespace FirstLine.Benchmarks;

/// <summary>Everything one run measured, ready to be rendered.</summary>
internal sealed record BenchmarkReport(
    BenchmarkOptions Options,
    DateTimeOffset StartedAt,
    double LoadAtStart,
    double LoadAtEnd,
    ScenarioResult Baseline,
    ScenarioResult FirstLine,
    ServerLogSummary FirstLineLog,
    IReadOnlyList<SqlStatementTiming> SqlProfile,
    IReadOnlyList<string> Notes)
{
    /// <summary>True when every planned turn of both scenarios got its answer.</summary>
    public bool Succeeded =>
        Baseline.Errors == 0 && FirstLine.Errors == 0 && !Baseline.TimedOut && !FirstLine.TimedOut
        && Baseline.TurnsCompleted == Baseline.TurnsPlanned && FirstLine.TurnsCompleted == FirstLine.TurnsPlanned;
}

/// <summary>Warnings and errors the FirstLine host logged during the run.</summary>
internal sealed record ServerLogSummary(int Warnings, int Errors, IReadOnlyList<string> Samples);
