using FirstLine.KnowledgeBase.Search;

namespace FirstLine.KnowledgeBase.Evaluation;

/// <summary>What the knowledge base did with one case.</summary>
internal sealed record CaseOutcome(EvaluationCase Case, SearchResult Result, double Milliseconds)
{
    /// <summary>1-based rank of the expected article among the candidates, 0 when absent.</summary>
    public int Rank => Result.Candidates.Select(c => c.Article.Id).ToList().IndexOf(Case.Expected ?? "\0") + 1;

    public double BestConfidence => Result.Best?.Confidence ?? 0;
}
