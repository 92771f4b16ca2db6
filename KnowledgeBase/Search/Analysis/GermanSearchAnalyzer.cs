using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace FirstLine.KnowledgeBase.Search.Analysis;

/// <summary>
/// German: lower case, IT synonyms, stop words, compound splitting ("Druckerproblem" also yields "drucker"
/// and "problem"), umlaut normalisation and light stemming.
/// </summary>
/// <param name="synonyms">IT synonyms mapping to the word German articles use</param>
/// <param name="compoundParts">words a compound may be made of: the knowledge base's vocabulary plus an IT list</param>
internal sealed class GermanSearchAnalyzer(SynonymMap synonyms, CharArraySet compoundParts) : Analyzer
{
    public const int MinCompoundPart = 4;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer);
        stream = new SynonymFilter(stream, synonyms, ignoreCase: true);
        stream = new StopFilter(LuceneVersion.LUCENE_48, stream, GermanAnalyzer.DefaultStopSet);
        stream = new DictionaryCompoundWordTokenFilter(LuceneVersion.LUCENE_48, stream, compoundParts,
            minWordSize: 7, minSubwordSize: MinCompoundPart, maxSubwordSize: 20, onlyLongestMatch: true);
        stream = new GermanNormalizationFilter(stream);
        stream = new GermanLightStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
