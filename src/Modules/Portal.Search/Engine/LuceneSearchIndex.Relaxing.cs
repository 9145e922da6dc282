using Lucene.Net.Search;

namespace Portal.Search.Engine;

/// <summary>
/// No dead ends: when the words as typed match nothing, the query is loosened step by step until something matches,
/// and the result says how (<see cref="SearchResult.Relaxations"/>): first every word spelt more loosely, then one word
/// left out (each in turn, the least important first), then the least important ones left out (up to three) with
/// words spelt loosely.
/// </summary>
public sealed partial class LuceneSearchIndex
{
    private const int MaxDroppedSlots = 3;

    private SearchResult SearchRelaxing(IndexSearcher searcher, SearchQuery query)
    {
        var text = QueryText.Parse(this, query.Text, query.PrefixLastWord, query.Synonyms);
        var builder = new QueryBuilder(this, searcher.IndexReader);
        var correction = Corrections.Of(searcher.IndexReader, text, query.Text);
        var result = Run(searcher, query, builder.Build(text), [], correction);
        if (result.OwnTotal > 0 || !query.FuzzyRetry || text.Slots.Count == 0) return result;
        // Only another language's items match: loosened, the words may find the index's own; if not, those items stand.
        var other = result.Total > 0 ? result : null;
        foreach (var (relaxed, relaxations) in Relaxed(searcher, builder, text))
        {
            var retry = Run(searcher, query, relaxed, relaxations, correction);
            if (retry.OwnTotal > 0) return retry;
            if (retry.Total > 0) other ??= retry;
        }
        return other ?? result;
    }

    /// <summary>What the map shows: the same query as the list, loosened in the same way when it matches nothing.</summary>
    private FacetingCollector CollectRelaxing(IndexSearcher searcher, SearchQuery query, int pointLimit, int gridBits)
    {
        var text = QueryText.Parse(this, query.Text, query.PrefixLastWord, query.Synonyms);
        var builder = new QueryBuilder(this, searcher.IndexReader);
        var collector = Collect(searcher, query, builder.Build(text), pointLimit, gridBits);
        if (collector.OwnTotal > 0 || !query.FuzzyRetry || text.Slots.Count == 0) return collector;
        var other = collector.Total > 0 ? collector : null;
        foreach (var (relaxed, _) in Relaxed(searcher, builder, text))
        {
            var retry = Collect(searcher, query, relaxed, pointLimit, gridBits);
            if (retry.OwnTotal > 0) return retry;
            if (retry.Total > 0) other ??= retry;
        }
        return other ?? collector;
    }

    private static IEnumerable<(TextQuery Query, IReadOnlyList<SearchRelaxation> Relaxations)> Relaxed(IndexSearcher searcher, QueryBuilder builder, QueryText text)
    {
        var spelling = new SearchRelaxation(SearchRelaxationKind.SimilarSpellings, []);
        yield return (builder.Build(text, wideFuzzy: true), [spelling]);
        if (text.Slots.Count < 2) yield break;
        // The least important word: one the index does not know at all, else the most common one (the least specific).
        var order = Enumerable.Range(0, text.Slots.Count)
            .Select(i => (Index: i, Count: CountOf(searcher, builder.SlotQuery(text.Slots[i], wideFuzzy: true))))
            .OrderBy(s => s.Count == 0 ? 0 : 1).ThenByDescending(s => s.Count).ThenByDescending(s => s.Index).Select(s => s.Index).ToList();
        SearchRelaxation Dropping(IEnumerable<int> slots) =>
            new(SearchRelaxationKind.DroppedWords, slots.Order().Select(i => text.Slots[i].Text).ToList());
        // One word left out: each in turn, the least important first.
        foreach (var slot in order)
            yield return (builder.Build(text, new HashSet<int> { slot }), [Dropping([slot])]);
        for (var n = 1; n <= Math.Min(MaxDroppedSlots, text.Slots.Count - 1); n++)
        {
            var dropped = order.Take(n).ToHashSet();
            if (n > 1) yield return (builder.Build(text, dropped), [Dropping(dropped)]);
            yield return (builder.Build(text, dropped, wideFuzzy: true), [Dropping(dropped), spelling]);
        }
    }

    private static int CountOf(IndexSearcher searcher, Query query)
    {
        var counter = new TotalHitCountCollector();
        searcher.Search(query, counter);
        return counter.TotalHits;
    }
}
