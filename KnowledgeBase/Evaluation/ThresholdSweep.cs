using FirstLine.KnowledgeBase.Search;

namespace FirstLine.KnowledgeBase.Evaluation;

/// <summary>One point of the precision/coverage trade-off: what a pair of thresholds would have given.</summary>
public sealed record SweepPoint(
    double AnswerAt,
    double ClarifyAt,
    double AnswerPrecision,
    double Resolved,
    double AnsweredInScope,
    double OosEscalated,
    double EscalatedInScope);

/// <summary>
/// Replays the decision with other thresholds on the same outcomes, so one run shows the whole trade-off
/// instead of one point. The minimum-coverage gate is left out: it escalates on top of what is shown here.
/// </summary>
public static class ThresholdSweep
{
    private static readonly double[] AnswerThresholds = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9];
    private static readonly double[] ClarifyThresholds = [0.1, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5];

    /// <param name="outcomes">the cases and what the knowledge base ranked for them</param>
    /// <param name="offers">articles offered when clarifying (<c>KnowledgeBase:ClarifyOptions</c>)</param>
    public static IReadOnlyList<SweepPoint> Run(IReadOnlyList<CaseOutcome> outcomes, int offers)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return [.. AnswerThresholds.SelectMany(a => ClarifyThresholds.Where(c => c < a).Select(c => Point(outcomes, a, c, offers)))];
    }

    private static SweepPoint Point(IReadOnlyList<CaseOutcome> outcomes, double answerAt, double clarifyAt, int offers)
    {
        SearchDecision Decide(CaseOutcome o) =>
            o.BestConfidence >= answerAt ? SearchDecision.Answer
            : o.BestConfidence >= clarifyAt ? SearchDecision.Clarify
            : SearchDecision.Escalate;

        var inScope = outcomes.Where(o => o.Case.InScope).ToList();
        var outOfScope = outcomes.Where(o => !o.Case.InScope).ToList();
        var answered = outcomes.Where(o => Decide(o) == SearchDecision.Answer).ToList();
        var resolved = inScope.Count(o => Decide(o) switch
        {
            SearchDecision.Answer => o.Rank == 1,
            SearchDecision.Clarify => o.Rank is > 0 && o.Rank <= offers,
            _ => false,
        });
        return new SweepPoint(
            answerAt,
            clarifyAt,
            AnswerPrecision: Ratio(answered.Count(o => o.Rank == 1), answered.Count),
            Resolved: Ratio(resolved, inScope.Count),
            AnsweredInScope: Ratio(inScope.Count(o => Decide(o) == SearchDecision.Answer), inScope.Count),
            OosEscalated: Ratio(outOfScope.Count(o => Decide(o) == SearchDecision.Escalate), outOfScope.Count),
            EscalatedInScope: Ratio(inScope.Count(o => Decide(o) == SearchDecision.Escalate), inScope.Count));
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
