using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace FirstLine.KnowledgeBase.Search.Analysis;

/// <summary>English: possessives, lower case, IT synonyms, stop words and Porter stemming.</summary>
/// <param name="synonyms">IT synonyms mapping to the word English articles use</param>
internal sealed class EnglishSearchAnalyzer(SynonymMap synonyms) : Analyzer
{
    private static readonly CharArraySet StopWords = new(LuceneVersion.LUCENE_48, EmbeddedData.ReadWords("stopwords-en.txt").ToList(), ignoreCase: true);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new EnglishPossessiveFilter(LuceneVersion.LUCENE_48, tokenizer);
        stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, stream);
        stream = new SynonymFilter(stream, synonyms, ignoreCase: true);
        stream = new StopFilter(LuceneVersion.LUCENE_48, stream, StopWords);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
