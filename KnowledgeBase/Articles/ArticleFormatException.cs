namespace FirstLine.KnowledgeBase.Articles;

/// <summary>An article file cannot be served: broken YAML, a missing key, an invalid flow.</summary>
public sealed class ArticleFormatException : KnowledgeBaseException
{
    public ArticleFormatException() { }

    public ArticleFormatException(string message) : base(message) { }

    public ArticleFormatException(string message, Exception innerException) : base(message, innerException) { }
}
