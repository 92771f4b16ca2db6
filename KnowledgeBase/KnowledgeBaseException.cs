namespace FirstLine.KnowledgeBase;

/// <summary>The knowledge base cannot be loaded, searched or served as asked.</summary>
public class KnowledgeBaseException : Exception
{
    public KnowledgeBaseException() { }

    public KnowledgeBaseException(string message) : base(message) { }

    public KnowledgeBaseException(string message, Exception innerException) : base(message, innerException) { }
}
