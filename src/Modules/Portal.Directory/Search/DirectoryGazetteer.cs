using System.Globalization;
using Portal.Core.Data;
using Portal.Core.Localization;
using Portal.Search.Places;
using Portal.Taxonomies.Models;
using Portal.Taxonomies.Services;

namespace Portal.Directory.Search;

/// <summary>
/// The directory's places for the search's gazetteer: every commune and territory of the territories vocabulary (its
/// labels in each culture, its INSEE code, its centre, and the facet that holds its items), with the names, exonyms
/// and postcodes of <c>Search/Data/places.csv</c>, the towns of the Grande Région beyond the vocabulary, and what the
/// entries' addresses add: their postcodes, and the communes they name that are known nowhere else (at their entries' mean point).
/// </summary>
public sealed class DirectoryGazetteer(VocabularyStore vocabularies, Cultures cultures, PortalDbContext db) : IPlaceContributor
{
    public async Task<IReadOnlyList<Place>> PlacesAsync(CancellationToken cancellationToken = default)
    {
        var rows = PlaceRow.Read();
        var extras = rows.Where(r => r.Latitude is null).ToDictionary(r => r.Key, StringComparer.Ordinal);
        var addresses = await EntryAddress.ReadAsync(db, cancellationToken);
        var postcodesByInsee = addresses.Where(a => a.Insee is not null && a.Postcode is not null).ToLookup(a => a.Insee!, a => a.Postcode!);
        var places = new List<Place>();
        if (await vocabularies.GetAsync(DirectorySearch.Territories) is { } territories)
        {
            var parents = territories.Terms.Where(t => t.Parent is not null).Select(t => t.Parent!).ToHashSet(StringComparer.Ordinal);
            foreach (var term in territories.Terms.Where(t => t.Latitude is not null && t.Longitude is not null))
            {
                var commune = term.Parent is not null && !parents.Contains(term.Slug);
                var insee = term.Codes.GetValueOrDefault("insee");
                var extra = insee is null ? null : extras.GetValueOrDefault(insee);
                places.Add(new Place
                {
                    Key = term.Slug,
                    Kind = commune ? PlaceKind.Commune : PlaceKind.Territory,
                    Labels = cultures.Supported.ToDictionary(c => c, c => extra?.Labels.GetValueOrDefault(c) is { Length: > 0 } name ? name : term.LabelFor(c, cultures)),
                    Names = [.. term.Label.Texts, .. extra?.Labels.Values ?? [], .. extra?.Names ?? []],
                    Postcodes = [.. (extra?.Postcodes ?? []).Concat(insee is null ? [] : postcodesByInsee[insee]).Distinct()],
                    Codes = insee is { Length: 5 } ? [insee] : [],
                    Latitude = term.Latitude!.Value,
                    Longitude = term.Longitude!.Value,
                    Filter = new PlaceFilter(commune ? DirectorySearch.CommuneFacet : DirectorySearch.TerritoryFacet, term.Slug),
                });
            }
        }
        foreach (var row in rows.Where(r => r.Latitude is not null))
        {
            var first = row.Labels.Values.FirstOrDefault(l => l.Length > 0) ?? row.Key;
            places.Add(new Place
            {
                Key = row.Key,
                Kind = PlaceKind.Commune,
                Labels = cultures.Supported.ToDictionary(c => c, c => row.Labels.GetValueOrDefault(c) is { Length: > 0 } name ? name : first),
                Names = [.. row.Labels.Values, .. row.Names],
                Postcodes = row.Postcodes,
                Latitude = row.Latitude!.Value,
                Longitude = row.Longitude!.Value,
            });
        }
        places.AddRange(AddressPlaces(places, addresses));
        return places;
    }

    /// <summary>The communes the addresses name that no other place is called, at the mean point of their entries, with their postcodes.</summary>
    private IEnumerable<Place> AddressPlaces(List<Place> places, List<EntryAddress> addresses)
    {
        var known = places.SelectMany(p => p.Labels.Values.Concat(p.Names)).Select(PlaceTable.Normalize).ToHashSet(StringComparer.Ordinal);
        foreach (var group in addresses.Where(a => a.Commune is not null && a.Latitude is not null && a.Longitude is not null)
                     .GroupBy(a => PlaceTable.Normalize(a.Commune!)).Where(g => g.Key.Length > 0 && !known.Contains(g.Key)))
        {
            var name = group.First().Commune!;
            yield return new Place
            {
                Key = "address:" + group.Key,
                Kind = PlaceKind.Commune,
                Labels = cultures.Supported.ToDictionary(c => c, _ => name),
                Names = group.Select(a => a.Commune!).Distinct().ToList(),
                Postcodes = group.Select(a => a.Postcode).OfType<string>().Distinct().ToList(),
                Latitude = group.Average(a => a.Latitude!.Value),
                Longitude = group.Average(a => a.Longitude!.Value),
            };
        }
    }
}

/// <summary>A row of <c>places.csv</c>: names per culture (columns <c>name.&lt;culture&gt;</c>), other names, postcodes, and a centre for a town of its own.</summary>
internal sealed record PlaceRow(string Key, IReadOnlyDictionary<string, string> Labels, IReadOnlyList<string> Names, IReadOnlyList<string> Postcodes, double? Latitude, double? Longitude)
{
    private static IReadOnlyList<PlaceRow>? _rows;

    public static IReadOnlyList<PlaceRow> Read()
    {
        if (_rows is not null) return _rows;
        using var stream = typeof(PlaceRow).Assembly.GetManifestResourceStream("Portal.Directory.places.csv")
            ?? throw new InvalidOperationException("The places of the Directory module are missing from its assembly.");
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var header = lines[0].Split(';');
        int Column(string name) => Array.IndexOf(header, name);
        var nameColumns = header.Select((h, i) => (h, i)).Where(c => c.h.StartsWith("name.", StringComparison.Ordinal)).ToList();
        var rows = new List<PlaceRow>();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(';');
            string Cell(string name) => Column(name) is var i && i >= 0 && i < cells.Length ? cells[i].Trim() : "";
            static double? Number(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
            static string[] List(string text) => text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            rows.Add(new PlaceRow(Cell("key"),
                nameColumns.Where(c => c.i < cells.Length && cells[c.i].Trim().Length > 0).ToDictionary(c => c.h["name.".Length..], c => cells[c.i].Trim()),
                List(Cell("names")), List(Cell("postcodes")), Number(Cell("lat")), Number(Cell("lon"))));
        }
        return _rows = rows;
    }
}
