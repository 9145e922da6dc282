namespace Portal.Maps.Settings;

/// <summary>The map's tiles and starting view: the maps module's own settings, set by a recipe's Settings step.</summary>
public sealed class MapSettings
{
    /// <summary>The map tiles: an XYZ URL template with {z}, {x}, {y} (and optionally {s}), https only.</summary>
    public string MapTileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    /// <summary>The tiles' attribution, plain text with an optional link written as its URL; required by most tile providers.</summary>
    public string MapAttribution { get; set; } = "© OpenStreetMap contributors";
    public string MapAttributionUrl { get; set; } = "https://www.openstreetmap.org/copyright";
    /// <summary>Where the map opens: [latitude, longitude, zoom].</summary>
    public List<double> MapCenter { get; set; } = [49.1, 6.4, 8];
}
