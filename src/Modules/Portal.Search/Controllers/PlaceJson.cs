using Portal.Search.Places;

namespace Portal.Search.Controllers;

/// <summary>Where a search was centred, as JSON: null when it was not.</summary>
internal static class PlaceJson
{
    public static SearchApiPlace? Of(PlaceOutcome? place) => place is null ? null : new(place.Label, place.Kind?.ToString().ToLowerInvariant(),
        place.Origin.ToString().ToLowerInvariant(), place.Scope.ToString().ToLowerInvariant(), place.Latitude, place.Longitude,
        place.RadiusKm, place.FarthestKm, place.Named, place.Words);
}
