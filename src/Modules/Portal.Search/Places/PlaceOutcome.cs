namespace Portal.Search.Places;

/// <summary>Where the centre of a search came from: a place named among the words, the "where" field, or a position.</summary>
public enum PlaceOrigin { Words, Field, Position }

/// <summary>How far the results are: in the place itself, within a radius around it, or the nearest ones beyond the last radius.</summary>
public enum PlaceScope { Place, Radius, Nearest }

/// <summary>What the page says about the place of a search ("Results around Metz — 21 km at most").</summary>
/// <param name="Label">The place's name in the culture; null for a position.</param>
/// <param name="RadiusKm">The radius searched (for <see cref="PlaceScope.Nearest"/>: the last one, that found nothing); null when it was the place itself.</param>
/// <param name="FarthestKm">How far the farthest result is.</param>
/// <param name="Named">The place's name as typed among the words.</param>
/// <param name="Words">The words searched once the place's name was taken out.</param>
public sealed record PlaceOutcome(PlaceOrigin Origin, PlaceScope Scope, string? Label, PlaceKind? Kind, double Latitude, double Longitude,
    double? RadiusKm, double? FarthestKm, string? Named = null, string? Words = null);
