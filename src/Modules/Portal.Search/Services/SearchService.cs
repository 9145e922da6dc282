using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Content;
using Portal.Search.Engine;
using Portal.Taxonomies.Services;

namespace Portal.Search.Services;

/// <summary>A search answered in a culture: hits plus facets with labels in that culture, for the page, the API and the map.</summary>
public sealed class SearchService(Portal.Core.Localization.Cultures cultures, SearchIndexManager indexes, VocabularyStore vocabularies, IContentDefinitionStore definitions,
    IOptions<SearchOptions> options, IStringLocalizer<SearchService> T, Synonyms.SynonymStore synonyms, RelatedTerms relatedTerms)
{
    public SearchOptions Options => options.Value;

    /// <summary>Each language's order of labels (accents and case ignored), made once.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, StringComparer> Comparers = new(StringComparer.Ordinal);

    public SearchRequestReader.Outcome Read(IQueryCollection values) => new SearchRequestReader(options.Value, T).Read(values);

    public async Task<SearchResponse> SearchAsync(SearchQuery query, string culture, CancellationToken cancellationToken = default)
    {
        var index = await indexes.GetAsync(culture, cancellationToken);
        query.Synonyms ??= await synonyms.TableAsync(culture);
        var result = index.Search(query);
        var facets = new List<FacetGroup>();
        var comparer = Comparers.GetOrAdd(culture, c => StringComparer.Create(CultureInfo.GetCultureInfo(c), true));
        foreach (var name in options.Value.FacetNames)
        {
            var counts = result.FacetCounts.GetValueOrDefault(name) ?? [];
            var selected = query.Filters.GetValueOrDefault(name) ?? [];
            // Each facet's vocabulary looked up once, then every value's label read from it.
            var vocabulary = name == LuceneSearchIndex.TypeFacet ? null
                : options.Value.Facets.FirstOrDefault(f => f.Name == name) is { } definition ? await vocabularies.GetAsync(definition.Vocabulary) : null;
            var values = new List<FacetValue>(counts.Count + selected.Count);
            foreach (var value in counts.Keys.Union(selected))
            {
                var label = name == LuceneSearchIndex.TypeFacet ? await definitions.TypeDisplayNameAsync(value, culture) : vocabulary?.Find(value)?.LabelFor(culture, cultures) ?? value;
                values.Add(new FacetValue(value, label, counts.GetValueOrDefault(value), selected.Contains(value)));
            }
            values.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count)
                : comparer.Compare(a.Label, b.Label) is var byLabel and not 0 ? byLabel : string.CompareOrdinal(a.Value, b.Value));
            facets.Add(new FacetGroup(name, FacetTitle(name), values));
        }
        var types = new Dictionary<string, string>();
        foreach (var type in result.Hits.Select(h => h.Type).Distinct()) types[type] = await definitions.TypeDisplayNameAsync(type, culture);
        var related = result.Total == 0 || result.Relaxations.Count > 0 ? await relatedTerms.FindAsync(index, query.Text, query.Synonyms) : [];
        return new SearchResponse(query, culture, result, facets, types) { RelatedTerms = related };
    }

    /// <summary>The same query placed on a map: every point, or grid clusters above <paramref name="threshold"/> points.</summary>
    public async Task<MapResult> MapAsync(SearchQuery query, string culture, int zoom, int threshold, CancellationToken cancellationToken = default)
    {
        var index = await indexes.GetAsync(culture, cancellationToken);
        query.Synonyms ??= await synonyms.TableAsync(culture);
        return index.Map(query, zoom, threshold);
    }

    /// <summary>How many entries of a culture's index have a position.</summary>
    public async Task<int> LocatedCountAsync(string culture, CancellationToken cancellationToken = default) =>
        (await indexes.GetAsync(culture, cancellationToken)).LocatedCount();

    /// <summary>A facet's title in the visitor's language: "type" is the search's own, the others their declarer's message id.</summary>
    public string FacetTitle(string facet) => facet == LuceneSearchIndex.TypeFacet
        ? T["Kind of entry"]
        : options.Value.Facets.FirstOrDefault(f => f.Name == facet) is { Title.Length: > 0 } definition ? T[definition.Title] : facet;

    /// <summary>The stored short texts a hit shows beside its kind, in their declared order and wording.</summary>
    /// <param name="shortList">Only those declared for short lists of hits.</param>
    public IEnumerable<string> HitDetails(SearchHit hit, bool shortList = false) =>
        options.Value.StoredFields.OrderBy(f => f.HitOrder)
            .Where(f => hit.Stored.ContainsKey(f.Name) && !f.PrintOnly && (f.InShortLists || !shortList))
            .Select(f => T[f.HitText, hit.Stored[f.Name]].Value);

    /// <summary>The lines of a hit in the printable list: its short texts, then those kept for print (address, contact, hours).</summary>
    public IEnumerable<string> PrintDetails(SearchHit hit) =>
        options.Value.StoredFields.Where(f => f.PrintOnly && hit.Stored.ContainsKey(f.Name)).OrderBy(f => f.HitOrder)
            .Select(f => T[f.HitText, hit.Stored[f.Name]].Value);
}

public sealed record SearchResponse(SearchQuery Query, string Culture, SearchResult Result, IReadOnlyList<FacetGroup> Facets, IReadOnlyDictionary<string, string> TypeLabels)
{
    /// <summary>Where the search was centred and how far it looked, when it was (see <see cref="PlaceSearch"/>).</summary>
    public Places.PlaceOutcome? Place { get; init; }
    /// <summary>For a search that found nothing or was loosened: vocabulary terms close to its words, as filters to follow.</summary>
    public IReadOnlyList<RelatedTerm> RelatedTerms { get; init; } = [];
}

public sealed record FacetGroup(string Name, string Title, IReadOnlyList<FacetValue> Values);

public sealed record FacetValue(string Value, string Label, int Count, bool Selected);
