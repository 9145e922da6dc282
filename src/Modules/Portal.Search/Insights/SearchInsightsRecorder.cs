using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Portal.Search.Engine;

namespace Portal.Search.Insights;

/// <summary>
/// Counts searches in memory, without waiting on anything: the job adds the counts to the database every little while.
/// Counted: the first page of a search with words and no filter (what people type, once, not each filter they tick).
/// </summary>
public sealed class SearchInsightsRecorder(TimeProvider clock, IOptions<SearchInsightsOptions> options)
{
    private ConcurrentDictionary<(string Culture, string Week, string Query), Pending> _pending = new();

    internal sealed class Pending
    {
        public int Count;
        public int Zero;
        public int Few;
        public readonly ConcurrentDictionary<string, int> Relaxations = new(StringComparer.Ordinal);
    }

    /// <param name="relaxations">The names of the relaxations the search applied to find something (none yet: the
    /// query semantics add them); each is counted with the query.</param>
    public void Record(string culture, SearchQuery query, int total, IEnumerable<string> relaxations)
    {
        if (query.Page != 1 || query.Filters.Count > 0 || QueryNormalizer.Normalize(query.Text) is not { } normalized) return;
        var pending = _pending.GetOrAdd((culture, IsoWeeks.Of(clock.GetUtcNow()), normalized), _ => new Pending());
        Interlocked.Increment(ref pending.Count);
        if (total == 0) Interlocked.Increment(ref pending.Zero);
        else if (total <= options.Value.FewResults) Interlocked.Increment(ref pending.Few);
        foreach (var relaxation in relaxations) pending.Relaxations.AddOrUpdate(relaxation, 1, (_, n) => n + 1);
    }

    /// <summary>The counts gathered since the last call, grouped by culture and week; the recorder starts afresh.</summary>
    internal IReadOnlyList<SearchWeekInsights> Take()
    {
        var taken = Interlocked.Exchange(ref _pending, new());
        return taken.GroupBy(p => (p.Key.Culture, p.Key.Week)).Select(g => new SearchWeekInsights
        {
            Culture = g.Key.Culture, Week = g.Key.Week, Searches = g.Sum(p => p.Value.Count),
            Queries = g.Select(p => new QueryCount
            {
                Query = p.Key.Query, Count = p.Value.Count, Zero = p.Value.Zero, Few = p.Value.Few,
                Relaxations = new Dictionary<string, int>(p.Value.Relaxations, StringComparer.Ordinal),
            }).ToList(),
        }).ToList();
    }
}
