using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Portal.Core.Content;
using Portal.Search.Engine;

namespace Portal.Maps;

/// <summary>
/// Writes a map result as a GeoJSON FeatureCollection: a Point per item (id, type, label, title, url, actor, commune,
/// marker category) or, when clustered, a Point per grid cell with "cluster": true and "count". The collection also
/// carries "total", "unlocated" (items in the list but without a position) and "clustered".
/// </summary>
public sealed class GeoJsonWriter(IContentDefinitionStore definitions)
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    public async Task WriteAsync(Stream stream, MapResult map, string culture, bool clustered)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in map.Points.Select(p => p.Type).Distinct())
            labels[type] = (await definitions.GetTypeAsync(type))?.DisplayNameFor(culture) ?? type;
        await WriteAsync(stream, map, labels, clustered);
    }

    /// <param name="labels">The display name of each content type among the points, in the reader's language.</param>
    public static async Task WriteAsync(Stream stream, MapResult map, IReadOnlyDictionary<string, string> labels, bool clustered)
    {
        await using var json = new Utf8JsonWriter(stream, Options);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteNumber("total", map.Total);
        json.WriteNumber("unlocated", map.Unlocated);
        json.WriteBoolean("clustered", clustered);
        json.WriteStartArray("features");
        foreach (var cluster in map.Clusters)
        {
            StartFeature(json, cluster.Latitude, cluster.Longitude);
            json.WriteBoolean("cluster", true);
            json.WriteNumber("count", cluster.Count);
            EndFeature(json);
        }
        foreach (var point in map.Points)
        {
            StartFeature(json, point.Latitude, point.Longitude);
            json.WriteString("id", point.Id);
            json.WriteString("type", point.Type);
            json.WriteString("typeLabel", labels.GetValueOrDefault(point.Type, point.Type));
            json.WriteString("category", Category(point.Type));
            json.WriteString("title", point.Title);
            json.WriteString("url", point.Url);
            if (point.Actor is not null) json.WriteString("actor", point.Actor);
            if (point.Commune is not null) json.WriteString("commune", point.Commune);
            EndFeature(json);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync();
    }

    /// <summary>The marker's look: one shape and colour per kind of entry.</summary>
    public static string Category(string type) => type switch
    {
        "Actor" => "actor",
        "Action" => "action",
        "AidantSupport" => "support",
        _ => "other",
    };

    private static void StartFeature(Utf8JsonWriter json, double lat, double lon)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteStartObject("geometry");
        json.WriteString("type", "Point");
        json.WriteStartArray("coordinates");
        json.WriteRawValue(Math.Round(lon, 5).ToString("R", CultureInfo.InvariantCulture));
        json.WriteRawValue(Math.Round(lat, 5).ToString("R", CultureInfo.InvariantCulture));
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("properties");
    }

    private static void EndFeature(Utf8JsonWriter json)
    {
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
