using FirstLine.KnowledgeBase.Search;

namespace FirstLine.KnowledgeBase.Evaluation;

/// <summary>What the knowledge base did with one case.</summary>
/// <param name="Case">the case</param>
/// <param name="Result">the decision and the ranked articles</param>
public sealed record CaseOutcome(EvaluationCase Case, SearchResult Result)
{
    /// <summary>1-based rank of the expected article among the candidates, 0 when absent.</summary>
    public int Rank
    {
        get
        {
            for (var i = 0; i < Result.Candidates.Count; i++)
            {
                if (Result.Candidates[i].Article.Id == Case.Expected)
                {
                    return i + 1;
                }
            }

            return 0;
        }
    }

    public double BestConfidence => Result.Best?.Confidence ?? 0;
}
