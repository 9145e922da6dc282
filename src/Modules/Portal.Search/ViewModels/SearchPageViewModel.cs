using System.Text.Encodings.Web;
using Portal.Search.Services;

namespace Portal.Search.ViewModels;

public sealed class SearchPageViewModel
{
    public required string Culture { get; init; }
    public required string BasePath { get; init; }
    public SearchResponse? Response { get; init; }
    public string? Error { get; init; }
    /// <summary>The query field the error is about (place, lat, lon, radius, sort…), to show it beside that field.</summary>
    public string? ErrorField { get; init; }
    public string Text { get; init; } = "";
    /// <summary>The query string as sent, to build the links that remove a filter or change the page.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    /// <summary>The query string as a list of key–value pairs, repeated keys kept in order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> PairsOf(Microsoft.AspNetCore.Http.IQueryCollection query) =>
        query.SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? ""))).ToList();

    /// <summary>The value sent for a query key, or "".</summary>
    public string Value(string key) => Query.FirstOrDefault(p => p.Key == key).Value ?? "";

    public int PageCount => Response is null ? 0 : Math.Max(1, (Response.Result.Total + Response.Result.PageSize - 1) / Response.Result.PageSize);

    /// <summary>The current address without one parameter value (or all values of a key), and with others set.</summary>
    public string Link(string? removeKey = null, string? removeValue = null, params (string Key, string Value)[] set)
    {
        // A changed search starts again at page 1, unless the page is what changes.
        var setKeys = set.Select(s => s.Key).ToHashSet();
        var pairs = Query.Where(p => p.Value.Length > 0 && p.Key != "page" && !setKeys.Contains(p.Key) && !(p.Key == removeKey && (removeValue is null || p.Value == removeValue)))
            .Select(p => (p.Key, p.Value)).Concat(set.Where(s => s.Value.Length > 0)).ToList();
        return pairs.Count == 0 ? BasePath : BasePath + "?" + string.Join("&", pairs.Select(p => UrlEncoder.Default.Encode(p.Key) + "=" + UrlEncoder.Default.Encode(p.Value)));
    }

    /// <summary>The current search without the given keys (e.g. its place), from page 1.</summary>
    public string LinkWithout(params string[] keys)
    {
        var pairs = Query.Where(p => p.Value.Length > 0 && p.Key != "page" && !keys.Contains(p.Key)).ToList();
        return pairs.Count == 0 ? BasePath : BasePath + "?" + string.Join("&", pairs.Select(p => UrlEncoder.Default.Encode(p.Key) + "=" + UrlEncoder.Default.Encode(p.Value)));
    }

    /// <summary>The current search with every facet filter removed (the words, sort and area kept).</summary>
    public string LinkWithoutFilters()
    {
        var pairs = Query.Where(p => p.Value.Length > 0 && p.Key is not ("page" or "type") && !p.Key.StartsWith("f.", StringComparison.Ordinal)).ToList();
        return pairs.Count == 0 ? BasePath : BasePath + "?" + string.Join("&", pairs.Select(p => UrlEncoder.Default.Encode(p.Key) + "=" + UrlEncoder.Default.Encode(p.Value)));
    }
}
