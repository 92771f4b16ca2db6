using FirstLine.KnowledgeBase.Search;

namespace FirstLine.KnowledgeBase.Evaluation;

/// <summary>The metrics of <c>shared/eval/README.md</c>, under the names reports and scripts use.</summary>
public sealed record KbMetrics(
    int Cases,
    double Top1,
    double Mrr5,
    double AnswerPrecision,
    double Resolved,
    double OosEscalated,
    double EscalatedInScope,
    double P50Ms,
    double P99Ms)
{
    /// <param name="outcomes">one per case</param>
    /// <param name="latencies">decision times in milliseconds (may hold several timed runs per case)</param>
    public static KbMetrics From(IReadOnlyList<CaseOutcome> outcomes, IEnumerable<double> latencies)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var inScope = outcomes.Where(o => o.Case.InScope).ToList();
        var outOfScope = outcomes.Where(o => !o.Case.InScope).ToList();
        var answered = outcomes.Where(o => o.Result.Decision == SearchDecision.Answer).ToList();
        var sorted = latencies.Order().ToList();
        return new KbMetrics(
            Cases: outcomes.Count,
            Top1: Share(inScope, o => o.Rank == 1),
            Mrr5: inScope.Count == 0 ? 0 : inScope.Average(o => o.Rank is > 0 and <= 5 ? 1.0 / o.Rank : 0),
            AnswerPrecision: Share(answered, o => o.Rank == 1),
            Resolved: Share(inScope, o => o.Result.Offers.Any(c => c.Article.Id == o.Case.Expected)),
            OosEscalated: Share(outOfScope, o => o.Result.Decision == SearchDecision.Escalate),
            EscalatedInScope: Share(inScope, o => o.Result.Decision == SearchDecision.Escalate),
            P50Ms: Percentile(sorted, 0.50),
            P99Ms: Percentile(sorted, 0.99));
    }

    /// <summary>The metrics by their report names, rounded for reading.</summary>
    public IReadOnlyDictionary<string, object> ToDictionary() => new Dictionary<string, object>
    {
        ["cases"] = Cases,
        ["top1"] = Math.Round(Top1, 4),
        ["mrr5"] = Math.Round(Mrr5, 4),
        ["answer_precision"] = Math.Round(AnswerPrecision, 4),
        ["resolved"] = Math.Round(Resolved, 4),
        ["oos_escalated"] = Math.Round(OosEscalated, 4),
        ["escalated_in_scope"] = Math.Round(EscalatedInScope, 4),
        ["p50_ms"] = Math.Round(P50Ms, 3),
        ["p99_ms"] = Math.Round(P99Ms, 3),
    };

    private static double Share<T>(List<T> items, Func<T, bool> predicate) =>
        items.Count == 0 ? 0 : (double)items.Count(predicate) / items.Count;

    // Nearest rank: p99 of 2,000 timings is the 1,980th fastest.
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count), 1, sorted.Count) - 1];
}
