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
        if (query.Page != 1 || query.Filters.Count > 0) return;
        Count(culture, query.Text, total, relaxations);
    }

    /// <summary>
    /// A search as the visitor asked it (<paramref name="typed"/>, before a place was taken out of the words), once,
    /// with the word relaxations it needed and "FartherAway" when nothing was near the place.
    /// </summary>
    public void Record(string culture, string? typed, int page, bool filtered, Services.SearchResponse response)
    {
        if (page != 1 || filtered) return;
        var relaxations = response.Result.Relaxations.Select(r => r.Kind.ToString());
        if (response.Place?.Scope == Places.PlaceScope.Nearest) relaxations = relaxations.Append("FartherAway");
        Count(culture, typed, response.Result.Total, relaxations);
    }

    private void Count(string culture, string? text, int total, IEnumerable<string> relaxations)
    {
        if (QueryNormalizer.Normalize(text) is not { } normalized) return;
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
