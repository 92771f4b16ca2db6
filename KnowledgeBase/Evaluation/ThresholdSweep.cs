using FirstLine.KnowledgeBase.Search;

namespace FirstLine.KnowledgeBase.Evaluation;

/// <summary>The precision/coverage trade-off: what other thresholds would have given on the same outcomes.</summary>
internal static class ThresholdSweep
{
    public static void Print(IReadOnlyList<CaseOutcome> outcomes, int offers)
    {
        Console.WriteLine("answer_at clarify_at  answer_precision resolved answered_in_scope oos_escalated escalated_in_scope");
        foreach (var answerAt in new[] { 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9 })
        {
            foreach (var clarifyAt in new[] { 0.1, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5 }.Where(c => c < answerAt))
            {
                Print(outcomes, answerAt, clarifyAt, offers);
            }
        }
    }

    private static void Print(IReadOnlyList<CaseOutcome> outcomes, double answerAt, double clarifyAt, int offers)
    {
        SearchDecision Decide(CaseOutcome o) =>
            o.BestConfidence >= answerAt ? SearchDecision.Answer
            : o.BestConfidence >= clarifyAt ? SearchDecision.Clarify
            : SearchDecision.Escalate;

        var inScope = outcomes.Where(o => o.Case.InScope).ToList();
        var outOfScope = outcomes.Where(o => !o.Case.InScope).ToList();
        var answered = outcomes.Where(o => Decide(o) == SearchDecision.Answer).ToList();
        var precision = answered.Count == 0 ? 0 : (double)answered.Count(o => o.Rank == 1) / answered.Count;
        var resolved = inScope.Count(o => Decide(o) switch
        {
            SearchDecision.Answer => o.Rank == 1,
            SearchDecision.Clarify => o.Rank is > 0 && o.Rank <= offers,
            _ => false,
        });
        Console.WriteLine(
            $"{answerAt,9:F2} {clarifyAt,10:F2}  {precision,16:F3} {Ratio(resolved, inScope.Count),8:F3} " +
            $"{Ratio(inScope.Count(o => Decide(o) == SearchDecision.Answer), inScope.Count),17:F3} " +
            $"{Ratio(outOfScope.Count(o => Decide(o) == SearchDecision.Escalate), outOfScope.Count),13:F3} " +
            $"{Ratio(inScope.Count(o => Decide(o) == SearchDecision.Escalate), inScope.Count),18:F3}");
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
