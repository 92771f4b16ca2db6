using FirstLine.KnowledgeBase.Articles;

namespace FirstLine.KnowledgeBase.Search;

/// <summary>An article the index found for a query, with what the confidence is computed from.</summary>
/// <param name="Article">the article</param>
/// <param name="Score">BM25 score of its best matching question or of its title, tags and body</param>
/// <param name="MatchedText">the customer phrasing (or the title) that matched best</param>
/// <param name="MatchedTerms">query terms (after stemming) found in that text</param>
/// <param name="Features">scale-free measures of how well it matches</param>
internal sealed record ArticleMatch(
    Article Article,
    double Score,
    string MatchedText,
    IReadOnlyList<string> MatchedTerms,
    MatchFeatures Features);

/// <summary>Match measures between 0 and 1 (margin between -1 and 1) that mean the same in every knowledge base,
/// unlike raw BM25 scores, so one calibration fits them all.</summary>
/// <param name="Coverage">share of the query, weighted by word rarity, found in the best matching text</param>
/// <param name="ArticleCoverage">share of the query found anywhere in the article</param>
/// <param name="Margin">(score − best other score) / score</param>
/// <param name="Vote">the article's share of the score of the first twenty matching texts</param>
/// <param name="Known">share of the query made of words that occur in the knowledge base at all</param>
public readonly record struct MatchFeatures(double Coverage, double ArticleCoverage, double Margin, double Vote, double Known);
