using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Search.Engine;
using Portal.Search.Services;
using Portal.Taxonomies.Services;

namespace Portal.Search.Suggestions;

/// <summary>A taxonomy term that tags at least one searchable item of a culture, with the facet that filters by it.</summary>
public sealed record CatalogueTerm(string Facet, string Slug, string Label, string VocabularyLabel, int Count, bool IsPlace, double? Latitude, double? Longitude);

/// <summary>
/// The terms of every declared facet that tag something in a culture's index, with their labels in that culture.
/// Read from the index's own facet counts, so only terms that lead somewhere are offered; kept until the index moves on.
/// A vocabulary is one of places when any of its terms has a point (communes, and the territories above them).
/// </summary>
public sealed class TermCatalogue(SearchIndexManager indexes, IServiceScopeFactory scopes, IOptions<SearchOptions> options, Portal.Core.Localization.Cultures cultures)
{
    private readonly ConcurrentDictionary<string, (LuceneSearchIndex Index, long Cursor, IReadOnlyList<CatalogueTerm> Terms)> _cache = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<CatalogueTerm>> TermsAsync(string culture, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(culture, cancellationToken);
        if (_cache.TryGetValue(culture, out var cached) && ReferenceEquals(cached.Index, index) && cached.Cursor == index.Cursor) return cached.Terms;
        var cursor = index.Cursor;
        var facets = options.Value.Facets.Where(f => f.Vocabulary.Length > 0).ToList();
        var counts = index.Search(new SearchQuery { PageSize = 1, FuzzyRetry = false, Facets = facets.Select(f => f.Name).ToList() }).FacetCounts;
        var terms = new List<CatalogueTerm>();
        var seen = new HashSet<(string, string)>();
        await using var scope = scopes.CreateAsyncScope();
        var vocabularies = scope.ServiceProvider.GetRequiredService<VocabularyStore>();
        foreach (var facet in facets)
        {
            if (await vocabularies.GetAsync(facet.Vocabulary) is not { } vocabulary) continue;
            var isPlaces = vocabulary.Terms.Any(t => t.Latitude is not null && t.Longitude is not null);
            foreach (var (slug, count) in counts.GetValueOrDefault(facet.Name) ?? [])
            {
                if (count <= 0 || !seen.Add((facet.Vocabulary, slug)) || vocabulary.Find(slug) is not { } term) continue;
                terms.Add(new CatalogueTerm(facet.Name, slug, term.LabelFor(culture, cultures), vocabulary.DisplayNameFor(culture, cultures), count, isPlaces, term.Latitude, term.Longitude));
            }
        }
        _cache[culture] = (index, cursor, terms);
        return terms;
    }
}
