using Portal.Core.Settings;

namespace Portal.Maps.Settings;

/// <summary>The map settings, stored under <c>MapSettings</c>: https tiles with {z}, {x} and {y}, an attribution, a sensible centre.</summary>
public sealed class MapSettingsStore(IDocumentStore documents) : ModuleSettings<MapSettings>(documents)
{
    protected override string DocumentKey => "MapSettings";

    protected override string? Validate(MapSettings settings)
    {
        var url = settings.MapTileUrl;
        if (!Uri.TryCreate(url.Replace("{s}", "a").Replace("{z}", "0").Replace("{x}", "0").Replace("{y}", "0").Replace("{r}", ""), UriKind.Absolute, out var tiles)
            || tiles.Scheme != Uri.UriSchemeHttps || !url.Contains("{z}") || !url.Contains("{x}") || !url.Contains("{y}"))
            return $"MapTileUrl \"{url}\" must be an https address with {{z}}, {{x}} and {{y}}.";
        if (string.IsNullOrWhiteSpace(settings.MapAttribution)) return "MapAttribution must name the tiles' source.";
        if (settings.MapCenter is not [var lat, var lon, var zoom] || lat is < -90 or > 90 || lon is < -180 or > 180 || zoom is < 0 or > 20)
            return "MapCenter must be [latitude, longitude, zoom], zoom from 0 to 20.";
        return null;
    }
}
