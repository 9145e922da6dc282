using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Portal.Search.Engine;

/// <summary>
/// The visitor's words made into a query without a query parser, so no character has a meaning of its own:
/// every word must match (in the title, boosted, or the text), "quoted words" match as a phrase, the last word also
/// matches as a prefix while it is being typed, and a hyphenated word also matches written as one.
/// </summary>
internal sealed partial class TextQuery
{
    public Query? Query { get; private init; }
    /// <summary>False when the text held no word to search (empty, punctuation, stop words only): everything matches.</summary>
    public bool HasWords => Query is not null;
    /// <summary>The analysed terms, to mark in snippets.</summary>
    public HashSet<string> Terms { get; } = new(StringComparer.Ordinal);
    public string? Prefix { get; private set; }
    public bool Fuzzy { get; private init; }

    private const int MaxWords = 24;

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex Quoted();

    public static TextQuery Build(LuceneSearchIndex index, string? text, bool prefixLastWord, bool fuzzy)
    {
        if (string.IsNullOrWhiteSpace(text)) return new TextQuery();
        var analyzer = index.Analyzer;
        var words = index.Words;
        var phrases = Quoted().Matches(text).Select(m => m.Groups[1].Value).Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        var rest = Quoted().Replace(text, " ").Replace('"', ' ');
        var rawWords = rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(MaxWords).ToList();
        var typingLastWord = prefixLastWord && !char.IsWhiteSpace(text[^1]) && text[^1] != '"' && rawWords.Count > 0;

        var query = new BooleanQuery();
        var result = new TextQuery { Query = query, Fuzzy = fuzzy };
        for (var i = 0; i < rawWords.Count; i++)
        {
            var raw = rawWords[i];
            var stems = analyzer.TermsWithPositions(raw);
            var folded = words.Terms(raw);
            var isTyping = typingLastWord && i == rawWords.Count - 1 && folded.Count > 0 && folded[^1].Length >= 2;
            if (stems.Count == 0 && !isTyping) continue; // a stop word or punctuation
            Query clause;
            if (fuzzy)
            {
                var all = new BooleanQuery();
                foreach (var w in folded)
                {
                    var edits = w.Length >= 8 ? 2 : w.Length >= 4 ? 1 : 0;
                    all.Add(edits == 0 ? new TermQuery(new Term(LuceneSearchIndex.WordsField, w)) : new FuzzyQuery(new Term(LuceneSearchIndex.WordsField, w), edits, 1), Occur.MUST);
                    result.Terms.UnionWith(analyzer.Terms(w));
                }
                if (all.Clauses.Count == 0) continue;
                clause = all;
            }
            else
            {
                var any = new BooleanQuery();
                if (stems.Count == 1)
                {
                    any.Add(Boosted(new TermQuery(new Term(LuceneSearchIndex.TitleField, stems[0].Term)), 3f), Occur.SHOULD);
                    any.Add(new TermQuery(new Term(LuceneSearchIndex.TextField, stems[0].Term)), Occur.SHOULD);
                }
                else if (stems.Count > 1)
                {
                    any.Add(Boosted(Phrase(LuceneSearchIndex.TitleField, stems), 3f), Occur.SHOULD);
                    any.Add(Phrase(LuceneSearchIndex.TextField, stems), Occur.SHOULD);
                    // Haus-Notruf typed, Hausnotruf written (and the other way round, see the indexing).
                    var joined = analyzer.Terms(string.Concat(raw.Where(char.IsLetterOrDigit)));
                    if (joined.Count == 1) any.Add(new TermQuery(new Term(LuceneSearchIndex.TextField, joined[0])), Occur.SHOULD);
                }
                if (isTyping)
                {
                    result.Prefix = folded[^1];
                    any.Add(new PrefixQuery(new Term(LuceneSearchIndex.WordsField, folded[^1])), Occur.SHOULD);
                }
                foreach (var s in stems) result.Terms.Add(s.Term);
                clause = any;
            }
            query.Add(clause, Occur.MUST);
        }
        foreach (var phrase in phrases)
        {
            var stems = analyzer.TermsWithPositions(phrase);
            if (stems.Count == 0) continue;
            var any = new BooleanQuery();
            if (stems.Count == 1)
            {
                any.Add(Boosted(new TermQuery(new Term(LuceneSearchIndex.TitleField, stems[0].Term)), 3f), Occur.SHOULD);
                any.Add(new TermQuery(new Term(LuceneSearchIndex.TextField, stems[0].Term)), Occur.SHOULD);
            }
            else
            {
                any.Add(Boosted(Phrase(LuceneSearchIndex.TitleField, stems), 3f), Occur.SHOULD);
                any.Add(Phrase(LuceneSearchIndex.TextField, stems), Occur.SHOULD);
            }
            foreach (var s in stems) result.Terms.Add(s.Term);
            query.Add(any, Occur.MUST);
        }
        return query.Clauses.Count == 0 ? new TextQuery() : result;
    }

    private TextQuery() { }

    private static Query Boosted(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }

    private static PhraseQuery Phrase(string field, List<(string Term, int Position)> terms)
    {
        var phrase = new PhraseQuery();
        foreach (var (term, position) in terms) phrase.Add(new Term(field, term), position);
        return phrase;
    }
}
