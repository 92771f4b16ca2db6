using FirstLine.KnowledgeBase.Articles;

namespace FirstLine.KnowledgeBase.Search;

/// <summary>The articles FirstLine knows and the search that decides whether one of them answers a query.</summary>
public interface IKnowledgeBase
{
    /// <summary>All articles served now, both languages.</summary>
    IReadOnlyList<Article> Articles { get; }

    /// <summary>What the last (re)load read and refused.</summary>
    KnowledgeBaseLoadReport LastLoad { get; }

    /// <summary>Searches <paramref name="query"/> and decides: answer, clarify or escalate.</summary>
    /// <param name="query">the customer's words; markup is removed</param>
    /// <param name="language"><c>de</c> or <c>en</c>; null to detect it (both are searched when unsure)</param>
    /// <param name="ct">cancels the search</param>
    /// <exception cref="ArgumentException">the query is empty or longer than the configured maximum</exception>
    Task<SearchResult> SearchAsync(string query, string? language, CancellationToken ct);

    /// <summary>The article with this id in this language, or null.</summary>
    Article? Find(string language, string id);

    /// <summary>Reads the folder again and swaps the new index in at once; searches never see half a load.</summary>
    Task ReloadAsync(CancellationToken ct);
}
