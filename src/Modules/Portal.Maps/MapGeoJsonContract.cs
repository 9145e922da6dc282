namespace Portal.Maps;

/// <summary>
/// The shape of GET /api/map.geojson (written by <see cref="GeoJsonWriter"/> as it streams, described here for the
/// OpenAPI document): a FeatureCollection of entries or, above the threshold, of grid clusters.
/// </summary>
public sealed record MapFeatureCollection(string Type, int Total, int Unlocated, bool Clustered, IReadOnlyList<MapFeature> Features);

public sealed record MapFeature(string Type, PointGeometry Geometry, MapFeatureProperties Properties);

/// <summary>A GeoJSON Point: [longitude, latitude].</summary>
public sealed record PointGeometry(string Type, IReadOnlyList<double> Coordinates);

/// <summary>An entry (id, type, title, url…, plus the site's stored short texts) or a cluster (cluster, count).</summary>
public sealed record MapFeatureProperties(string? Id = null, string? Type = null, string? TypeLabel = null, string? Category = null, string? Shape = null,
    string? Title = null, string? Url = null, bool? Cluster = null, int? Count = null, IReadOnlyList<string>? Details = null);
