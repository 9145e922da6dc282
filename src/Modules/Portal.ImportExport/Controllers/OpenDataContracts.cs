namespace Portal.ImportExport.Controllers;

/// <summary>
/// A data·inclusion v1 record (structure or service) as described for the OpenAPI document: its identifying fields;
/// every record is valid against the schema in data/domain/data-inclusion-schema/v1, which lists the rest.
/// </summary>
public sealed record DataInclusionRecord(string? Id = null, string? Source = null, string? Nom = null);

/// <summary>GET /api/open-data/directory.geojson: every published entry with a position.</summary>
public sealed record DirectoryFeatureCollection(string Type, string License, IReadOnlyList<DirectoryFeature> Features);

public sealed record DirectoryFeature(string Type, OpenDataPoint Geometry, DirectoryFeatureProperties Properties);

public sealed record DirectoryFeatureProperties(string Id, string Type, string TypeLabel, string Title, string Culture, string Url, string Modified, string? Commune = null, string? LastVerified = null);

/// <summary>A GeoJSON Point: [longitude, latitude].</summary>
public sealed record OpenDataPoint(string Type, IReadOnlyList<double> Coordinates);
