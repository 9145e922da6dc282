namespace Portal.Maps;

/// <summary>Bound from <c>Portal:Maps</c>.</summary>
public sealed class MapOptions
{
    /// <summary>Above this many points in the area, the GeoJSON holds grid clusters instead of every point.</summary>
    public int ClusterThreshold { get; set; } = 1000;
}
