using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using FirstLine.Benchmarks.Load;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FirstLine.Benchmarks.Servers;

/// <summary>
/// <c>--sql-profile</c>: times every database command of the FirstLine host, grouped by statement and table.
/// It is the evidence for where a slow turn waits: Microsoft.Data.Sqlite answers SQLITE_BUSY by sleeping
/// 150 ms and retrying, so commands of 150 ms and more are lock waits, not work.
/// </summary>
internal sealed partial class SqlCommandProfile : DbCommandInterceptor
{
    /// <summary>Microsoft.Data.Sqlite's sleep between retries of a busy statement (SqliteDataReader.NextResult).</summary>
    public static readonly TimeSpan BusyRetrySleep = TimeSpan.FromMilliseconds(150);

    private readonly ConcurrentDictionary<string, ConcurrentQueue<TimeSpan>> durations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> failures = new(StringComparer.Ordinal);

    /// <summary>Forgets the warm-up, so the profile covers the measured run only.</summary>
    public void Clear()
    {
        durations.Clear();
        failures.Clear();
    }

    /// <summary>One line per statement kind, slowest total first.</summary>
    public IReadOnlyList<SqlStatementTiming> Summarize() =>
    [
        .. durations
            .Select(d => new SqlStatementTiming(d.Key, new LatencyStats(d.Value), d.Value.Sum(t => t.TotalMilliseconds), d.Value.Count(t => t >= BusyRetrySleep), failures.GetValueOrDefault(d.Key)))
            .Concat(failures.Where(f => !durations.ContainsKey(f.Key)).Select(f => new SqlStatementTiming(f.Key, new LatencyStats([]), 0, 0, f.Value)))
            .OrderByDescending(s => s.TotalMilliseconds),
    ];

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Record(command, eventData);
        return base.ReaderExecuted(command, eventData, result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData);
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData);
        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(eventData);
        var code = eventData.Exception is SqliteException sqlite ? sqlite.SqliteErrorCode.ToString(CultureInfo.InvariantCulture) : eventData.Exception.GetType().Name;
        failures.AddOrUpdate($"{Kind(command.CommandText)} (failed: {code})", 1, (_, n) => n + 1);
        return base.CommandFailedAsync(command, eventData, cancellationToken);
    }

    private void Record(DbCommand command, CommandExecutedEventData eventData) =>
        durations.GetOrAdd(Kind(command.CommandText), _ => new ConcurrentQueue<TimeSpan>()).Enqueue(eventData.Duration);

    /// <summary>"SELECT DirectLineActivities", "INSERT Transcripts", …: the verb and the first table it names.</summary>
    private static string Kind(string sql)
    {
        var verb = sql.TrimStart().Split([' ', '\n', '\r', '\t'], 2)[0].ToUpperInvariant();
        var table = TablePattern().Match(sql);
        return table.Success ? $"{verb} {table.Groups[1].Value}" : verb;
    }

    [GeneratedRegex("""(?:FROM|INTO|UPDATE)\s+"([^"]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex TablePattern();
}

/// <summary>How one kind of statement fared; <see cref="AtLeastBusySleep"/> counts executions that waited on a lock.</summary>
internal sealed record SqlStatementTiming(string Statement, LatencyStats Duration, double TotalMilliseconds, int AtLeastBusySleep, int Failures);
