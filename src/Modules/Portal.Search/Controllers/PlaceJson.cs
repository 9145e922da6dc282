using Portal.Search.Places;

namespace Portal.Search.Controllers;

/// <summary>Where a search was centred, as JSON: null when it was not.</summary>
internal static class PlaceJson
{
    public static object? Of(PlaceOutcome? place) => place is null ? null : new
    {
        label = place.Label,
        kind = place.Kind?.ToString().ToLowerInvariant(),
        origin = place.Origin.ToString().ToLowerInvariant(),
        scope = place.Scope.ToString().ToLowerInvariant(),
        lat = place.Latitude,
        lon = place.Longitude,
        radiusKm = place.RadiusKm,
        farthestKm = place.FarthestKm,
        named = place.Named,
        words = place.Words,
    };
}
