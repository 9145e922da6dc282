using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Portal.Search.Engine;

/// <summary>
/// Makes the Lucene query of a <see cref="QueryText"/>. Each slot (a word, or words naming a synonym) matches in the
/// title (×3), a taxonomy term's label (×2) or the text, as typed or as any synonym (a little below), or as the index's
/// words spelt a little differently (well below: one letter off from 5 letters, two from 8, in the same three fields,
/// so that a typo in a title still ranks the title first); the last word being typed also matches
/// as a prefix. Not every slot is required: all of them up to two, then 75 %; <see cref="TieredSimilarity"/> ranks the
/// documents that match every slot first, then those that match one fewer, and so on. Words found together in the
/// title or close together in the text rank higher. Quoted words are required as a phrase, excluded ones must be absent.
/// </summary>
internal sealed class QueryBuilder(LuceneSearchIndex index, IndexReader reader)
{
    private const float TitleBoost = 3f;
    private const float LabelBoost = 2f;
    private const float SynonymBoost = 0.7f;
    private const float PartialBoost = 0.5f;
    private const float FuzzyBoost = 0.25f;
    private const float PrefixBoost = 0.5f;
    private const float TieBreaker = 0.1f;
    private const int FuzzyExpansions = 8;

    private readonly Terms? _words = MultiFields.GetTerms(reader, LuceneSearchIndex.WordsField);
    private readonly Dictionary<(string, bool), Query?> _typos = new();

    /// <param name="dropped">The slots left out (a relaxation), by index.</param>
    /// <param name="wideFuzzy">Forgive more typos: one letter from 4 letters, two from 6, the first letter too (a relaxation).</param>
    public TextQuery Build(QueryText text, IReadOnlySet<int>? dropped = null, bool wideFuzzy = false)
    {
        if (text.IsEmpty) return new TextQuery();
        var top = new BooleanQuery(disableCoord: true);
        var result = new TextQuery { Query = top, Fuzzy = wideFuzzy };
        var slots = text.Slots.Where((_, i) => dropped is null || !dropped.Contains(i)).ToList();
        if (slots.Count == 1) top.Add(Slot(slots[0], wideFuzzy, result), Occur.MUST);
        else if (slots.Count > 1)
        {
            // A word found in a large share of the items ("personne", "seniors") says little: when other words say more,
            // it adds to the score but neither counts in the minimum nor ranks a tier (as Lucene's common terms query).
            var common = slots.Where(IsCommon).ToList();
            if (common.Count == slots.Count) common.Clear();
            var counting = slots.Except(common).ToList();
            // From three words on, a word the index does not know at all (not even spelt nearly) does not count:
            // "mon père" in a long question must not empty the page.
            var counted = slots.Count < 3 ? counting.Count : Math.Max(1, counting.Count(s => Known(s, wideFuzzy)));
            var some = new BooleanQuery(disableCoord: false) { MinimumNumberShouldMatch = MinimumShouldMatch(counted, text.Question) };
            foreach (var slot in counting) some.Add(Slot(slot, wideFuzzy, result), Occur.SHOULD);
            top.Add(counting.Count == 1 ? some.Clauses[0].Query : some, Occur.MUST);
            foreach (var slot in common) top.Add(Slot(slot, wideFuzzy, result), Occur.SHOULD);
            var together = new List<(string Term, int Position)>();
            foreach (var word in slots.SelectMany(s => s.Words))
                foreach (var (term, _) in word.Stems) together.Add((term, together.Count));
            if (together.Count > 1)
            {
                top.Add(Boosted(Phrase(LuceneSearchIndex.TitleField, together, slop: 2), TitleBoost), Occur.SHOULD);
                top.Add(Phrase(LuceneSearchIndex.TextField, together, slop: 4), Occur.SHOULD);
            }
        }
        foreach (var phrase in text.Phrases)
        {
            top.Add(Fields(phrase), Occur.MUST);
            foreach (var (term, _) in phrase) result.Terms.Add(term);
        }
        if (top.Clauses.Count == 0 && text.Excluded.Count > 0) top.Add(new MatchAllDocsQuery(), Occur.MUST);
        if (top.Clauses.Count == 0) return new TextQuery();
        foreach (var excluded in text.Excluded)
            foreach (var field in new[] { LuceneSearchIndex.TitleField, LuceneSearchIndex.LabelsField, LuceneSearchIndex.TextField })
                top.Add(excluded.Count == 1 ? new TermQuery(new Term(field, excluded[0].Term)) : Phrase(field, excluded), Occur.MUST_NOT);
        return result;
    }

    /// <summary>All slots up to two, then three out of four (rounded down); for a question in sentences, half (rounded up).</summary>
    public static int MinimumShouldMatch(int slots, bool question = false) =>
        question ? (slots + 1) / 2 : slots <= 2 ? slots : Math.Max(2, slots * 3 / 4);

    /// <summary>Share of the items above which a single word is common (<see cref="IsCommon"/>).</summary>
    private const double CommonShare = 0.25;

    /// <summary>A single typed word without synonyms that more than <see cref="CommonShare"/> of the items contain.</summary>
    private bool IsCommon(QuerySlot slot)
    {
        if (slot.Synonyms.Count > 0 || slot.Words is not [{ Stems: [var stem], Typing: false }]) return false;
        var limit = reader.NumDocs * CommonShare;
        return reader.NumDocs >= 20 && new[] { LuceneSearchIndex.TitleField, LuceneSearchIndex.LabelsField, LuceneSearchIndex.TextField }
            .Any(field => reader.DocFreq(new Term(field, stem.Term)) > limit);
    }

    /// <summary>True when the index holds the slot's words (as typed, spelt nearly, or being typed) or one of its synonyms.</summary>
    private bool Known(QuerySlot slot, bool wideFuzzy) =>
        slot.Words.All(w => w.Typing && StartsAWord(w.Folded[^1]) || w.Stems.Count > 0 && w.Stems.All(s => InIndex(s.Term)) || NearSpellings(w, wideFuzzy) is not null)
        || slot.Synonyms.Any(e => e.All(t => InIndex(t.Term)));

    private bool StartsAWord(string prefix)
    {
        if (_words is null) return false;
        var terms = _words.GetEnumerator();
        return terms.SeekCeil(new Lucene.Net.Util.BytesRef(prefix)) != TermsEnum.SeekStatus.END
            && terms.Term.Utf8ToString().StartsWith(prefix, StringComparison.Ordinal);
    }

    private bool InIndex(string term) =>
        reader.DocFreq(new Term(LuceneSearchIndex.TextField, term)) > 0 || reader.DocFreq(new Term(LuceneSearchIndex.TitleField, term)) > 0
        || reader.DocFreq(new Term(LuceneSearchIndex.LabelsField, term)) > 0;

    /// <summary>The query of one slot alone, e.g. to count what it matches.</summary>
    public Query SlotQuery(QuerySlot slot, bool wideFuzzy) => Slot(slot, wideFuzzy, new TextQuery());

    private Query Slot(QuerySlot slot, bool wideFuzzy, TextQuery result)
    {
        var words = slot.Words.Select(w => Word(w, wideFuzzy, result)).ToList();
        Query typed;
        if (words.Count == 1) typed = words[0];
        else
        {
            var all = new BooleanQuery(disableCoord: true);
            foreach (var word in words) all.Add(word, Occur.MUST);
            typed = all;
        }
        if (slot.Synonyms.Count == 0) return typed;
        var any = new DisjunctionMaxQuery(TieBreaker) { typed };
        foreach (var synonym in slot.Synonyms)
        {
            any.Add(Boosted(Fields(synonym), SynonymBoost));
            foreach (var (term, _) in synonym) result.Terms.Add(term);
        }
        if (words.Count == 1) return any;
        // "fauteuil roulant" matched as "handicap moteur": those that also say "fauteuil" rank higher.
        var boosted = new BooleanQuery(disableCoord: true) { { any, Occur.MUST } };
        foreach (var word in slot.Words.Where(w => w.Stems.Count > 0))
            boosted.Add(Boosted(Fields(word.Stems), PartialBoost), Occur.SHOULD);
        return boosted;
    }

    private Query Word(TypedWord word, bool wideFuzzy, TextQuery result)
    {
        var any = new DisjunctionMaxQuery(TieBreaker);
        if (word.Stems.Count > 0) any.Add(Fields(word.Stems));
        if (word.Stems.Count > 1)
        {
            // Haus-Notruf typed, Hausnotruf written (and the other way round, see the indexing).
            var joined = string.Concat(word.Stems.Select(s => s.Term));
            any.Add(new TermQuery(new Term(LuceneSearchIndex.TextField, joined)));
        }
        if (NearSpellings(word, wideFuzzy) is { } typos) any.Add(typos);
        if (word.Typing)
        {
            result.Prefix = word.Folded[^1];
            any.Add(Boosted(new PrefixQuery(new Term(LuceneSearchIndex.WordsField, word.Folded[^1])), PrefixBoost));
        }
        foreach (var (term, _) in word.Stems) result.Terms.Add(term);
        return any;
    }

    /// <summary>The index's words spelt nearly as this one; null when it is too short to guess or none is near.</summary>
    private Query? NearSpellings(TypedWord word, bool wide)
    {
        if (word.Folded is not [var folded]) return null;
        var edits = wide ? folded.Length >= 6 ? 2 : folded.Length >= 4 ? 1 : 0 : folded.Length >= 8 ? 2 : folded.Length >= 5 ? 1 : 0;
        if (edits == 0) return null;
        if (_typos.TryGetValue((folded, wide), out var known)) return known;
        var any = new DisjunctionMaxQuery(TieBreaker);
        var stems = word.Stems.Select(s => s.Term).ToHashSet(StringComparer.Ordinal);
        foreach (var (near, distance, _) in Typos.Near(_words, folded, edits, wide ? 0 : 1, FuzzyExpansions))
        {
            var nearStems = index.Analyzer.TermsWithPositions(near);
            if (nearStems.Count == 0 || nearStems.All(s => stems.Contains(s.Term))) continue;
            any.Add(Boosted(Fields(nearStems, constant: true), distance == 1 ? 1f : 0.6f));
        }
        var typos = any.Disjuncts.Count == 0 ? null : Boosted(any, FuzzyBoost);
        _typos[(folded, wide)] = typos;
        return typos;
    }

    /// <summary>Stems (one or a phrase) in the title, a term's label or the text, the best of the three counting.</summary>
    /// <param name="constant">Score by the field alone, not by how rare the word is: for words near a typed one, so that a rare neighbour never outranks the word typed.</param>
    private static Query Fields(IReadOnlyList<(string Term, int Position)> stems, bool constant = false)
    {
        Query In(string field)
        {
            Query query = stems.Count == 1 ? new TermQuery(new Term(field, stems[0].Term)) : Phrase(field, stems);
            return constant ? new ConstantScoreQuery(query) : query;
        }
        return new DisjunctionMaxQuery(TieBreaker)
        {
            Boosted(In(LuceneSearchIndex.TitleField), TitleBoost),
            Boosted(In(LuceneSearchIndex.LabelsField), LabelBoost),
            In(LuceneSearchIndex.TextField),
        };
    }

    private static Query Boosted(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }

    private static PhraseQuery Phrase(string field, IReadOnlyList<(string Term, int Position)> terms, int slop = 0)
    {
        var phrase = new PhraseQuery { Slop = slop };
        foreach (var (term, position) in terms) phrase.Add(new Term(field, term), position);
        return phrase;
    }
}
