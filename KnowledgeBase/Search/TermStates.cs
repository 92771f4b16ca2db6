using System.Collections.Concurrent;
using Lucene.Net.Index;

namespace FirstLine.KnowledgeBase.Search;

/// <summary>
/// Where each indexed term sits in the index, looked up once per term instead of once per query.
/// </summary>
/// <remarks>
/// A query is a handful of words times four fields, and most of those (field, word) pairs do not occur at
/// all: a plain <see cref="Lucene.Net.Search.TermQuery"/> would seek each of them in the term dictionary on
/// every search, allocating a term enumerator and its frames each time. The index never changes after it
/// is built (a reload builds a new one), so the vocabulary and the term states stay valid for its lifetime.
/// </remarks>
internal sealed class TermStates
{
    private readonly IndexReaderContext context;
    private readonly Dictionary<string, HashSet<string>> vocabulary = [];
    private readonly ConcurrentDictionary<(string Field, string Text), TermContext> states = new();

    public TermStates(IndexReader reader)
    {
        context = reader.Context;
        foreach (var field in MultiFields.GetIndexedFields(reader))
        {
            var words = new HashSet<string>(StringComparer.Ordinal);
            // A field that only ever received empty text (no tags anywhere) is known but has no terms.
            var terms = MultiFields.GetTerms(reader, field)?.GetEnumerator();
            while (terms is not null && terms.MoveNext())
            {
                words.Add(terms.Term.Utf8ToString());
            }

            vocabulary[field] = words;
        }
    }

    /// <summary>The state of <paramref name="text"/> in <paramref name="field"/>, or null when the field never contains it.</summary>
    public TermContext? Find(string field, string text) =>
        vocabulary.TryGetValue(field, out var words) && words.Contains(text)
            ? states.GetOrAdd((field, text), key => TermContext.Build(context, new Term(key.Field, key.Text)))
            : null;
}
