using System.Text.Json.Serialization;

namespace Portal.Search.Controllers;

/// <summary>GET /api/search: one page of hits, the facet counts, and how the query was understood.</summary>
public sealed record SearchApiResult(int Total, int Page, int PageSize, bool Fuzzy, SearchApiPlace? Place, IReadOnlyList<SearchApiRelaxation> Relaxations,
    string? Correction, IReadOnlyList<SearchApiHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<SearchApiFacetValue>> Facets);

/// <summary>Where the search was centred and how far it looked.</summary>
public sealed record SearchApiPlace(string? Label, string? Kind, string Origin, string Scope, double Lat, double Lon, double? RadiusKm, double? FarthestKm, string? Named, string? Words);

/// <summary>How a query that found nothing was loosened.</summary>
public sealed record SearchApiRelaxation(string Kind, IReadOnlyList<string> Words);

/// <summary>One hit. The site's stored short texts (such as <c>actor</c>, <c>commune</c>) are further properties, null when absent.</summary>
public sealed record SearchApiHit(string Id, string Type, string TypeLabel, string Title, string Url, string Snippet, string SnippetHtml,
    double? Lat, double? Lon, double? DistanceKm, [property: JsonPropertyName("lastVerified")] string? Verified)
{
    [JsonExtensionData]
    public Dictionary<string, object?> Stored { get; init; } = [];
}

public sealed record SearchApiFacetValue(string Value, string Label, int Count, bool Selected);

/// <summary>GET /api/search/suggest: completions grouped by kind, with a sentence announcing their number.</summary>
public sealed record SuggestApiResult(string Status, IReadOnlyList<SuggestApiGroup> Groups, IReadOnlyList<SuggestApiItem> Suggestions);

public sealed record SuggestApiGroup(string Kind, string Label);

public sealed record SuggestApiItem(string Text, string Kind, string KindLabel, string? Detail, string? Url, string? Value, double? Lat, double? Lon, int? Count);
