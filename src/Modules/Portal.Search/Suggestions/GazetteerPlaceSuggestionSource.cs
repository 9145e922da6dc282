using Microsoft.Extensions.Localization;
using Portal.Search.Places;

namespace Portal.Search.Suggestions;

/// <summary>
/// Places from the gazetteer: communes, areas and postal codes by every name they have in either language (Sarrebruck
/// and Saarbrücken), each leading to the search around that place.
/// </summary>
public sealed class GazetteerPlaceSuggestionSource(IGazetteer gazetteer, Portal.Core.Localization.Cultures cultures, IStringLocalizer<GazetteerPlaceSuggestionSource> T) : IPlaceSuggestionSource
{
    public async Task<IReadOnlyList<SuggestionItem>> SuggestAsync(string typed, string culture, int limit, CancellationToken cancellationToken)
    {
        var searchPath = SearchRoutes.Table.Path(SearchRoutes.Search, culture);
        return (await gazetteer.SuggestAsync(typed, culture, limit, cancellationToken))
            .Select(p => new SuggestionItem(SuggestionKind.Place, p.Name, cultures.In(culture, () => Detail(p)), $"{searchPath}?place={Uri.EscapeDataString(p.Name)}", 0, p.Name, p.Latitude, p.Longitude))
            .ToList();
    }

    private string Detail(PlaceSuggestion place)
    {
        string kind = place.Kind switch
        {
            PlaceKind.Commune => T["Town or village"],
            PlaceKind.Postcode => T["Postal code"],
            _ => T["Area"],
        };
        return place.Label == place.Name ? kind : $"{kind} – {place.Label}";
    }
}
