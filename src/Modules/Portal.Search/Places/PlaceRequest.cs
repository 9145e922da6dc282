using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Portal.Search.Places;

/// <summary>
/// Where a search is centred, as asked: a place typed in the "where" field (<c>place</c>), a position
/// (<c>lat</c> and <c>lon</c>, filled by "near me" or typed), a radius in km, whether the sort was chosen, and whether a
/// place named among the words should be left as words (<c>noplace=1</c>).
/// </summary>
public sealed class PlaceRequest
{
    public const int MaxPlaceLength = 100;
    /// <summary>The radius choices offered by the pages, in km.</summary>
    public static readonly int[] RadiusChoices = [5, 10, 25, 50, 100];

    public string? Place { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public double? RadiusKm { get; init; }
    public bool SortGiven { get; init; }
    public bool WordsOnly { get; init; }

    public bool HasPosition => Latitude is not null && Longitude is not null;
    public bool HasCentre => HasPosition || Place is not null;

    public sealed record Outcome(PlaceRequest? Request, string? Error, string? Field);

    /// <summary>Reads place, lat, lon, radius and noplace; an unreadable value is an error naming its field.</summary>
    public static Outcome Read(IQueryCollection values, IStringLocalizer T, double maxRadiusKm)
    {
        var place = values["place"].ToString().Trim();
        if (place.Length > MaxPlaceLength) return Fail(T["The place is limited to {0} characters.", MaxPlaceLength], "place");
        var latText = values["lat"].ToString().Trim();
        var lonText = values["lon"].ToString().Trim();
        double? lat = null, lon = null;
        if (latText.Length > 0)
        {
            if (!TryNumber(latText, out var value) || value is < -90 or > 90)
                return Fail(T["lat must be a latitude in degrees, from -90 to 90 (for example 49.12)."], "lat");
            lat = value;
        }
        if (lonText.Length > 0)
        {
            if (!TryNumber(lonText, out var value) || value is < -180 or > 180)
                return Fail(T["lon must be a longitude in degrees, from -180 to 180 (for example 6.18)."], "lon");
            lon = value;
        }
        if (lat is null != lon is null)
            return Fail(T["A position needs both lat and lon."], lat is null ? "lat" : "lon");
        double? radius = null;
        if (values["radius"].ToString().Trim() is { Length: > 0 } radiusText)
        {
            if (!TryNumber(radiusText, out var value) || value <= 0 || value > maxRadiusKm)
                return Fail(T["radius must be a distance in kilometres greater than 0 and at most {0}.", maxRadiusKm], "radius");
            radius = value;
        }
        return new Outcome(new PlaceRequest
        {
            Place = place.Length == 0 ? null : place, Latitude = lat, Longitude = lon, RadiusKm = radius,
            SortGiven = values["sort"].ToString().Length > 0, WordsOnly = values["noplace"].ToString() is "1" or "true",
        }, null, null);
    }

    private static Outcome Fail(string reason, string field) => new(null, reason, field);

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
