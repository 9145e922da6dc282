namespace Portal.Search.Engine;

/// <summary>One query model for the search page, the JSON API and the map.</summary>
public sealed class SearchQuery
{
    public string? Text { get; set; }
    /// <summary>Facet → selected values: OR inside a facet, AND across facets. The content type is the facet "type".</summary>
    public Dictionary<string, HashSet<string>> Filters { get; set; } = new(StringComparer.Ordinal);
    public BoundingBox? Box { get; set; }
    public GeoCircle? Near { get; set; }
    public SearchSort Sort { get; set; } = SearchSort.Relevance;
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = 20;
    /// <summary>The facets to count; empty counts none.</summary>
    public IReadOnlyCollection<string> Facets { get; set; } = [];
    /// <summary>When the words match nothing, loosen the query step by step (see <see cref="SearchResult.Relaxations"/>).</summary>
    public bool FuzzyRetry { get; set; } = true;
    /// <summary>Complete the last word as a prefix (as-you-type), unless the text ends with a space or a quote.</summary>
    public bool PrefixLastWord { get; set; } = true;
    /// <summary>The synonyms of the index's culture, applied to the words; none when null.</summary>
    public SynonymTable? Synonyms { get; set; }
}

public enum SearchSort { Relevance, Distance, Updated, Title }

public readonly record struct BoundingBox(double MinLon, double MinLat, double MaxLon, double MaxLat)
{
    public bool Contains(double lat, double lon) => lat >= MinLat && lat <= MaxLat && lon >= MinLon && lon <= MaxLon;
}

public readonly record struct GeoCircle(double Latitude, double Longitude, double RadiusKm)
{
    private const double EarthRadiusKm = 6371.0088;

    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>A box around the circle, to skip the exact distance for points clearly outside.</summary>
    public BoundingBox Bounds()
    {
        var dLat = RadiusKm / 111.2;
        var cos = Math.Max(0.01, Math.Cos(Latitude * Math.PI / 180));
        var dLon = RadiusKm / (111.32 * cos);
        return new BoundingBox(Longitude - dLon, Latitude - dLat, Longitude + dLon, Latitude + dLat);
    }
}

public sealed class SearchResult
{
    public int Total { get; init; }
    /// <summary>The matches in the index's own language; a search is loosened until some match, as when nothing does.</summary>
    internal int OwnTotal { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; }
    public IReadOnlyList<SearchHit> Hits { get; init; } = [];
    /// <summary>Facet → value → count, each facet counted with every other facet's filter but not its own.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, int>> FacetCounts { get; init; } = new Dictionary<string, Dictionary<string, int>>();
    /// <summary>True when nothing matched the words as typed and these hits are for similar spellings.</summary>
    public bool Fuzzy { get; init; }
    /// <summary>With a point to measure from (<see cref="SearchQuery.Near"/>): how far the farthest hit is, in km.</summary>
    public double? FarthestKm { get; init; }
    /// <summary>How the query was loosened because nothing matched it as typed, in the order applied; empty when it was not.</summary>
    public IReadOnlyList<SearchRelaxation> Relaxations { get; init; } = [];
    /// <summary>The text with each word the index does not know replaced by the closest word it does; null when every word is known.</summary>
    public string? Correction { get; init; }
}

/// <summary>One way a query that found nothing was loosened.</summary>
public enum SearchRelaxationKind
{
    /// <summary>Words matched with more spelling differences than usual.</summary>
    SimilarSpellings,
    /// <summary>Words left out (<see cref="SearchRelaxation.Words"/>), the least found in the index first.</summary>
    DroppedWords,
}

public sealed record SearchRelaxation(SearchRelaxationKind Kind, IReadOnlyList<string> Words);

public sealed class SearchHit
{
    public string Id { get; init; } = "";
    public string Type { get; init; } = "";
    public string Title { get; init; } = "";
    public string Url { get; init; } = "";
    /// <summary>The stored short texts of the hit, by name; a name the hit has no text for is absent.</summary>
    public IReadOnlyDictionary<string, string> Stored { get; init; } = new Dictionary<string, string>();
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public double? DistanceKm { get; init; }
    public DateTime? LastVerified { get; init; }
    /// <summary>The item's language when it is not the index's (the entry exists in that language only); null otherwise.</summary>
    public string? OtherCulture { get; init; }
    public float Score { get; init; }
    /// <summary>The summary cut around the matches; marked parts are the words that matched.</summary>
    public IReadOnlyList<SnippetPart> Snippet { get; init; } = [];
}

public readonly record struct SnippetPart(string Text, bool Marked);

/// <summary>A completion of what a visitor is typing, with the number of items that contain the word.</summary>
public readonly record struct Suggestion(string Text, int Count);

public sealed record MapResult(int Total, int Unlocated, IReadOnlyList<MapPoint> Points, IReadOnlyList<MapCluster> Clusters)
{
    private System.Collections.Concurrent.ConcurrentDictionary<string, byte[]>? _texts;

    /// <summary>
    /// The texts written from this answer by its readers (its GeoJSON per language), kept as long as the answer is: the
    /// index keeps an answer until it changes, and the same answer is then sent again as the same bytes.
    /// </summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Texts =>
        _texts ?? Interlocked.CompareExchange(ref _texts, new(StringComparer.Ordinal), null) ?? _texts;
}

/// <param name="OtherCulture">The item's language when it is not the index's (it exists in that language only); null otherwise.</param>
public sealed record MapPoint(string Id, string Type, string Title, string Url, IReadOnlyDictionary<string, string> Stored, double Latitude, double Longitude, string? OtherCulture = null);

public sealed record MapCluster(double Latitude, double Longitude, int Count);
