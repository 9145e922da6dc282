using Portal.Search.Services;

namespace Portal.Events.Search;

/// <summary>What the events give the search: their type, the accessibility facet, the date shown with a hit and their map marker.
/// Themes, audiences and languages feed the facets the directory declares on fields of the same names.</summary>
public static class EventSearch
{
    public const string WhenStored = "when";
    public const string AccessibilityFacet = "accessibility";

    public static void Configure(SearchOptions options)
    {
        if (!options.IndexedTypes.Contains(EventTypes.Event)) options.IndexedTypes.Add(EventTypes.Event);
        if (!options.Facets.Any(f => f.Name == AccessibilityFacet))
            options.Facets.Add(new() { Name = AccessibilityFacet, Title = "Accessibility", Vocabulary = "accessibility", Fields = [EventTypes.Fields.Accessibility] });
        options.StoredFields.Add(new() { Name = WhenStored, HitText = "{0}", HitOrder = 0, InShortLists = true });
        options.Markers.Add(new() { Category = "event", Types = [EventTypes.Event], Shape = "diamond", Legend = "Event (diamond)" });
    }
}
