namespace Portal.Search.Suggestions;

/// <summary>Places from the facets' vocabularies of places (communes, territories) that tag something searchable.</summary>
public sealed class TermPlaceSuggestionSource(TermCatalogue catalogue) : IPlaceSuggestionSource
{
    public async Task<IReadOnlyList<SuggestionItem>> SuggestAsync(string typed, string culture, int limit, CancellationToken cancellationToken)
    {
        var words = WordPrefixMatch.Typed(typed);
        var searchPath = SearchRoutes.Table.Path(SearchRoutes.Search, culture);
        return (await catalogue.TermsAsync(culture, cancellationToken))
            .Where(t => t.IsPlace && WordPrefixMatch.Completes(words, t.Label))
            .OrderByDescending(t => WordPrefixMatch.Rank(words, t.Label)).ThenByDescending(t => t.Count).ThenBy(t => t.Label, StringComparer.Ordinal)
            .Take(limit)
            .Select(t => new SuggestionItem(SuggestionKind.Place, t.Label, t.VocabularyLabel, TermLink.Url(searchPath, t), t.Count, t.Slug, t.Latitude, t.Longitude))
            .ToList();
    }
}

internal static class TermLink
{
    /// <summary>The search filtered by the term: /fr/recherche?f.commune=57463-metz.</summary>
    public static string Url(string searchPath, CatalogueTerm term) =>
        $"{searchPath}?f.{Uri.EscapeDataString(term.Facet)}={Uri.EscapeDataString(term.Slug)}";
}
