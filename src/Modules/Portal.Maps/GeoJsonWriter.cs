using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Content;
using Portal.Core.Localization;
using Portal.Search.Engine;
using Portal.Search.Services;

namespace Portal.Maps;

/// <summary>
/// Writes a map result as a GeoJSON FeatureCollection: a Point per item (id, type, label, title, url, marker category and
/// shape, the stored short texts the modules declare, and "details", those texts worded for the popup) or, when clustered, a Point per grid cell with "cluster": true and "count". The collection also
/// carries "total", "unlocated" (items in the list but without a position) and "clustered". The texts kept for the printable
/// list only (address, contact, hours) are not written: they are on each entry's page.
/// </summary>
public sealed class GeoJsonWriter(Portal.Core.Localization.Cultures cultures, IContentDefinitionStore definitions, IOptions<SearchOptions> search, IStringLocalizer<GeoJsonWriter> T)
{
    private const int FlushBytes = 16 * 1024;
    private static readonly JsonWriterOptions Options = new() { Encoder = Portal.Core.Hosting.PublicApi.JsonEncoder };

    public async Task WriteAsync(Stream stream, MapResult map, string culture, bool clustered)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in map.Points.Select(p => p.Type).Distinct())
            labels[type] = await definitions.TypeDisplayNameAsync(type, culture);
        // An answer the search keeps is written once per language and wording of the types, then sent as written.
        if (!search.Value.KeepAnswers)
        {
            await WriteNewAsync(stream, map, culture, clustered, labels);
            return;
        }
        var key = string.Join('\u001f', [culture, clustered ? "1" : "0", .. labels.OrderBy(l => l.Key, StringComparer.Ordinal).SelectMany(l => new[] { l.Key, l.Value })]);
        var texts = map.Texts;
        if (!texts.TryGetValue(key, out var bytes))
        {
            var buffer = new MemoryStream();
            await WriteNewAsync(buffer, map, culture, clustered, labels);
            // A few languages and wordings per answer at most: one more is written, not kept.
            bytes = buffer.ToArray();
            if (texts.Count < 8) texts.TryAdd(key, bytes);
        }
        await stream.WriteAsync(bytes);
    }

    private async Task WriteNewAsync(Stream stream, MapResult map, string culture, bool clustered, Dictionary<string, string> labels)
    {
        var markers = new Dictionary<string, MarkerDefinition>(StringComparer.Ordinal);
        foreach (var marker in search.Value.Markers)
            foreach (var type in marker.Types) markers.TryAdd(type, marker);
        var stored = search.Value.StoredFields;
        // What is kept for the printable list only (address, contact, hours) stays on the entry's page: a map of every
        // entry would carry it for each of them, and no popup shows it.
        var popup = stored.Where(f => !f.PrintOnly).ToList();
        var shown = popup.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        // Many entries share a town or a kind of place: each line worded once per answer.
        var worded = new Dictionary<(string Text, string Value), string>();
        var onlyIn = new Dictionary<string, string>(StringComparer.Ordinal);
        await WriteAsync(stream, map, labels, clustered, markers, shown, point => Details(point));

        IEnumerable<string> Details(MapPoint point)
        {
            foreach (var field in popup)
            {
                if (!point.Stored.TryGetValue(field.Name, out var value)) continue;
                if (!worded.TryGetValue((field.HitText, value), out var line))
                    worded[(field.HitText, value)] = line = T[field.HitText, value].Value;
                yield return line;
            }
            if (point.OtherCulture is { } other)
            {
                if (!onlyIn.TryGetValue(other, out var line))
                    onlyIn[other] = line = cultures.In(culture, () => OtherLanguage.OnlyIn(T, cultures, other));
                yield return line;
            }
        }
    }

    /// <param name="labels">The display name of each content type among the points, in the reader's language.</param>
    /// <param name="markers">Content type → its marker; a type not listed is an "other" diamond.</param>
    /// <param name="shown">The stored short texts written as properties of each point (all when null).</param>
    /// <param name="details">The lines a point's popup shows under its title, in the reader's language.</param>
    public static async Task WriteAsync(Stream stream, MapResult map, IReadOnlyDictionary<string, string> labels, bool clustered,
        IReadOnlyDictionary<string, MarkerDefinition>? markers = null, IReadOnlySet<string>? shown = null, Func<MapPoint, IEnumerable<string>>? details = null)
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
            var marker = markers?.GetValueOrDefault(point.Type);
            json.WriteString("category", marker?.Category ?? "other");
            json.WriteString("shape", marker?.Shape ?? "diamond");
            json.WriteString("title", point.Title);
            json.WriteString("url", point.Url);
            // An entry that exists in another language only: its page is in that language.
            if (point.OtherCulture is { } language) json.WriteString("lang", language);
            foreach (var (name, text) in point.Stored)
                if (shown is null || shown.Contains(name)) json.WriteString(name, text);
            if (details is not null)
            {
                json.WriteStartArray("details");
                foreach (var line in details(point)) json.WriteStringValue(line);
                json.WriteEndArray();
            }
            EndFeature(json);
            // Sent on in pieces: a map of every entry would otherwise grow one buffer of its whole size, copy by copy.
            if (json.BytesPending > FlushBytes) await json.FlushAsync();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync();
    }

    private static void StartFeature(Utf8JsonWriter json, double lat, double lon)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteStartObject("geometry");
        json.WriteString("type", "Point");
        json.WriteStartArray("coordinates");
        // The shortest text that reads back as the rounded number (as "R" writes it), without a string for each.
        json.WriteNumberValue(Math.Round(lon, 5));
        json.WriteNumberValue(Math.Round(lat, 5));
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
