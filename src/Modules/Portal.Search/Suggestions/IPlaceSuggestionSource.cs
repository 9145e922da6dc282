namespace Portal.Search.Suggestions;

/// <summary>
/// Where place suggestions come from. The default one reads the places among the facets' taxonomy terms (terms that
/// have a point, and the other terms of their vocabulary); a gazetteer can replace it by registering its own.
/// </summary>
public interface IPlaceSuggestionSource
{
    /// <summary>Places whose name completes <paramref name="typed"/>, best first, in <paramref name="culture"/>.</summary>
    Task<IReadOnlyList<SuggestionItem>> SuggestAsync(string typed, string culture, int limit, CancellationToken cancellationToken);
}
