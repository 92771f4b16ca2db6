using FirstLine.KnowledgeBase.Articles;

namespace FirstLine.KnowledgeBase.Search;

/// <summary>What the bot should do with a query.</summary>
public enum SearchDecision
{
    /// <summary>One article fits clearly: show it.</summary>
    Answer,

    /// <summary>Some articles may fit: offer <see cref="SearchResult.Offers"/> and let the customer choose.</summary>
    Clarify,

    /// <summary>No article fits: hand over to a human.</summary>
    Escalate,
}

/// <summary>The decision for a query and the ranked articles behind it.</summary>
/// <param name="Decision">answer, clarify or escalate</param>
/// <param name="Candidates">articles ranked by confidence, best first (also when escalating, for the agent)</param>
/// <param name="Language">the language searched; null when the query was searched in both languages</param>
/// <param name="Reason">why this decision, in words for logs and the agent console</param>
public sealed record SearchResult(
    SearchDecision Decision,
    IReadOnlyList<SearchCandidate> Candidates,
    string? Language,
    string Reason)
{
    /// <summary>How many candidates <see cref="Offers"/> shows when clarifying.</summary>
    public int OfferCount { get; init; } = 1;

    /// <summary>What to show the customer: one article to answer, two or three to choose from, none to escalate.</summary>
    public IReadOnlyList<SearchCandidate> Offers => Decision switch
    {
        SearchDecision.Answer => [Candidates[0]],
        SearchDecision.Clarify => [.. Candidates.Take(OfferCount)],
        _ => [],
    };

    public SearchCandidate? Best => Candidates.Count > 0 ? Candidates[0] : null;
}

/// <summary>One ranked article.</summary>
/// <param name="Article">the article</param>
/// <param name="Score">the raw BM25 score; only comparable within one query and language</param>
/// <param name="Confidence">calibrated probability (0–1) that this article answers the query</param>
/// <param name="MatchedText">the customer phrasing or title that matched best ("why this answer")</param>
/// <param name="MatchedTerms">the query's words (stemmed) found there</param>
/// <param name="Features">what the confidence was computed from</param>
public sealed record SearchCandidate(
    Article Article,
    double Score,
    double Confidence,
    string MatchedText,
    IReadOnlyList<string> MatchedTerms,
    MatchFeatures Features)
{
    /// <summary>A sentence for the agent console: why this article.</summary>
    public string Explanation =>
        $"{Confidence:P0} sure: matches \"{MatchedText}\" on {string.Join(", ", MatchedTerms)}";
}
