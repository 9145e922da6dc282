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
    /// <summary>When the query matches nothing, try again with words spelt a little differently.</summary>
    public bool FuzzyRetry { get; set; } = true;
    /// <summary>Complete the last word as a prefix (as-you-type), unless the text ends with a space or a quote.</summary>
    public bool PrefixLastWord { get; set; } = true;
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
    public int Page { get; init; }
    public int PageSize { get; init; }
    public IReadOnlyList<SearchHit> Hits { get; init; } = [];
    /// <summary>Facet → value → count, each facet counted with every other facet's filter but not its own.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, int>> FacetCounts { get; init; } = new Dictionary<string, Dictionary<string, int>>();
    /// <summary>True when nothing matched the words as typed and these hits are for similar spellings.</summary>
    public bool Fuzzy { get; init; }
    /// <summary>With a point to measure from (<see cref="SearchQuery.Near"/>): how far the farthest hit is, in km.</summary>
    public double? FarthestKm { get; init; }
}

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
    public float Score { get; init; }
    /// <summary>The summary cut around the matches; marked parts are the words that matched.</summary>
    public IReadOnlyList<SnippetPart> Snippet { get; init; } = [];
}

public readonly record struct SnippetPart(string Text, bool Marked);

/// <summary>A completion of what a visitor is typing, with the number of items that contain the word.</summary>
public readonly record struct Suggestion(string Text, int Count);

public sealed record MapResult(int Total, int Unlocated, IReadOnlyList<MapPoint> Points, IReadOnlyList<MapCluster> Clusters);

public sealed record MapPoint(string Id, string Type, string Title, string Url, IReadOnlyDictionary<string, string> Stored, double Latitude, double Longitude);

public sealed record MapCluster(double Latitude, double Longitude, int Count);
