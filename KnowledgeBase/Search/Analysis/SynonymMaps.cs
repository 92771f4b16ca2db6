using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Util;

namespace FirstLine.KnowledgeBase.Search.Analysis;

/// <summary>Builds the IT synonym maps from the Solr-format files shipped in the assembly.</summary>
internal static class SynonymMaps
{
    public static SynonymMap Load(string language)
    {
        // Entries are tokenized exactly like the text reaching the synonym filter: standard tokens, lower case.
        using var entryAnalyzer = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer));
        });

        // expand: false maps every word of a line to its first word, so synonyms score like the same word.
        var parser = new SolrSynonymParser(dedup: true, expand: false, entryAnalyzer);
        using var reader = new StringReader(EmbeddedData.ReadText($"synonyms-{language}.txt"));
        parser.Parse(reader);
        return parser.Build();
    }
}
