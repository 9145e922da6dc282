namespace Portal.Search.Places;

/// <summary>What a place is: a commune (or town), a wider territory, or a postcode area.</summary>
public enum PlaceKind { Commune, Territory, Postcode }

/// <summary>A facet value that holds exactly the items of a place (its commune or territory), given by the place's contributor.</summary>
public sealed record PlaceFilter(string Facet, string Value);

/// <summary>
/// A place of the gazetteer: its labels per culture, every name it is known by (in any language, exonyms included),
/// its postcodes and official codes, and a centre point. Contributed by the module that owns the places.
/// </summary>
public sealed class Place
{
    /// <summary>Stable identifier, unique in the gazetteer (e.g. a vocabulary slug).</summary>
    public required string Key { get; init; }
    public required PlaceKind Kind { get; init; }
    /// <summary>Culture code → the name shown in that culture.</summary>
    public required IReadOnlyDictionary<string, string> Labels { get; init; }
    /// <summary>Every other name it is known by: other languages, exonyms, short forms.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];
    public IReadOnlyList<string> Postcodes { get; init; } = [];
    /// <summary>Official codes (INSEE…) typed as they are.</summary>
    public IReadOnlyList<string> Codes { get; init; } = [];
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
    /// <summary>The items of the place itself, when a facet holds them; searched before any radius around the centre.</summary>
    public PlaceFilter? Filter { get; init; }

    /// <summary>The label in a culture, else the first label.</summary>
    public string LabelFor(string culture) => Labels.TryGetValue(culture, out var label) && label.Length > 0 ? label : Labels.Values.FirstOrDefault() ?? Key;
}

/// <summary>Gives the gazetteer its places; implemented by the module that owns them.</summary>
public interface IPlaceContributor
{
    Task<IReadOnlyList<Place>> PlacesAsync(CancellationToken cancellationToken = default);
}

/// <summary>A place suggested for what a visitor types: the name that matched, its kind, its label in the culture and its point.</summary>
public sealed record PlaceSuggestion(string Name, PlaceKind Kind, string Label, double Latitude, double Longitude, string Key);

/// <summary>A place named in a visitor's words, and the words left once its name is taken out.</summary>
public sealed record PlaceMatch(Place Place, string Name, string RemainingText);

/// <summary>How many places and names the gazetteer knows.</summary>
public readonly record struct GazetteerSize(int Places, int Names);

/// <summary>
/// The places of the site, by every name (both languages and exonyms), postcode and code: finds a place typed in a
/// field, recognises one named among search words, and suggests places for a prefix.
/// </summary>
public interface IGazetteer
{
    /// <summary>The place a text names exactly (name, postcode or code; case and accents ignored), best match for the culture first.</summary>
    Task<Place?> FindAsync(string text, string culture, CancellationToken cancellationToken = default);

    /// <summary>The longest place name among the words, with the words that remain; null when none is named.</summary>
    Task<PlaceMatch?> RecogniseAsync(string words, string culture, CancellationToken cancellationToken = default);

    /// <summary>Places whose name or postcode starts with <paramref name="prefix"/>, communes first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<PlaceSuggestion>> SuggestAsync(string prefix, string culture, int max = 8, CancellationToken cancellationToken = default);

    Task<GazetteerSize> SizeAsync(CancellationToken cancellationToken = default);
}
