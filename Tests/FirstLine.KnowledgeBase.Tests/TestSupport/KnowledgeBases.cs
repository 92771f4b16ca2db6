using FirstLine.KnowledgeBase.Articles;
using FirstLine.KnowledgeBase.Search;
using Microsoft.Extensions.Options;

namespace FirstLine.KnowledgeBase.Tests.TestSupport;

internal static class KnowledgeBases
{
    public static async Task<LuceneKnowledgeBase> LoadAsync(string folder)
    {
        var kb = new LuceneKnowledgeBase(Options.Create(new KnowledgeBaseOptions { Path = folder }), new KnowledgeBaseLoader());
        await kb.ReloadAsync(CancellationToken.None);
        return kb;
    }
}
