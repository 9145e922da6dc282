using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;
using Portal.Search.Engine;

namespace Portal.Search.Services;

/// <summary>
/// Reads the query string shared by the search page, the JSON API and the map: q, type, f.&lt;facet&gt;, bbox, near,
/// radius, sort, page, pageSize, and where to centre it (place, lat, lon: <see cref="Places.PlaceRequest"/>). Anything it cannot read is an error with a reason (an HTTP 400), never a guess.
/// </summary>
public sealed class SearchRequestReader(SearchOptions options, IStringLocalizer T)
{
    public const int MaxTextLength = 200;
    public const int MaxValuesPerFacet = 50;
    public const double MaxRadiusKm = 500;

    /// <param name="Place">Where the search is centred, resolved by <see cref="PlaceSearch"/>.</param>
    /// <param name="Field">The query field an error is about, for a message beside it.</param>
    public sealed record Outcome(SearchQuery? Query, string? Error, Places.PlaceRequest? Place = null, string? Field = null);

    public Outcome Read(IQueryCollection values)
    {
        var query = new SearchQuery { Facets = options.FacetNames.ToList() };
        var facets = options.FacetNames.ToHashSet(StringComparer.Ordinal);

        var text = values["q"].ToString();
        if (text.Length > MaxTextLength) return Fail(T["The search text is limited to {0} characters.", MaxTextLength]);
        query.Text = text.Length == 0 ? null : text;

        foreach (var (key, raw) in values)
        {
            string facet;
            if (key == "type") facet = LuceneSearchIndex.TypeFacet;
            else if (key.StartsWith("f.", StringComparison.Ordinal)) facet = key[2..];
            else continue;
            if (!facets.Contains(facet)) return Fail(T["There is no filter named \"{0}\". Filters: {1}.", facet, string.Join(", ", facets)]);
            var selected = raw.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToHashSet(StringComparer.Ordinal);
            if (selected.Count > MaxValuesPerFacet) return Fail(T["At most {0} values can be selected in one filter.", MaxValuesPerFacet]);
            if (selected.Any(v => v.Length > 100)) return Fail(T["A filter value is too long."]);
            if (facet == LuceneSearchIndex.TypeFacet && selected.FirstOrDefault(v => !options.IndexedTypes.Contains(v)) is { } unknown)
                return Fail(T["\"{0}\" is not a type of content that can be searched. Types: {1}.", unknown, string.Join(", ", options.IndexedTypes)]);
            if (selected.Count > 0) query.Filters[facet] = selected;
        }

        if (values["bbox"].ToString() is { Length: > 0 } bbox)
        {
            var parts = Numbers(bbox);
            if (parts is not { Length: 4 }) return Fail(T["bbox must be four numbers: minLon,minLat,maxLon,maxLat."]);
            var box = new BoundingBox(parts[0], parts[1], parts[2], parts[3]);
            if (box.MinLon is < -180 or > 180 || box.MaxLon is < -180 or > 180 || box.MinLat is < -90 or > 90 || box.MaxLat is < -90 or > 90)
                return Fail(T["bbox is outside the earth: longitudes go from -180 to 180, latitudes from -90 to 90."]);
            if (box.MinLon > box.MaxLon || box.MinLat > box.MaxLat) return Fail(T["In bbox, each minimum must not be greater than its maximum."]);
            query.Box = box;
        }

        var placed = Places.PlaceRequest.Read(values, T, MaxRadiusKm);
        if (placed.Request is not { } place) return new Outcome(null, placed.Error, Field: placed.Field);
        // A place may also be named among the words: PlaceSearch decides once it has looked.
        var centred = place.HasCentre || query.Text is not null;
        var radiusText = values["radius"].ToString();
        if (values["near"].ToString() is { Length: > 0 } near)
        {
            var point = Numbers(near);
            if (point is not { Length: 2 } || point[0] is < -90 or > 90 || point[1] is < -180 or > 180)
                return Fail(T["near must be a latitude and a longitude: near=49.12,6.18."]);
            var radius = 10.0;
            if (radiusText.Length > 0 && (!double.TryParse(radiusText, NumberStyles.Float, CultureInfo.InvariantCulture, out radius) || !double.IsFinite(radius) || radius <= 0 || radius > MaxRadiusKm))
                return Fail(T["radius must be a distance in kilometres greater than 0 and at most {0}.", MaxRadiusKm]);
            query.Near = new GeoCircle(point[0], point[1], radius);
        }
        else if (radiusText.Length > 0 && !centred) return Fail(T["radius needs a place, or near, the point to measure from."], "radius");

        switch (values["sort"].ToString())
        {
            case "" or "relevance": query.Sort = SearchSort.Relevance; break;
            case "distance" when query.Near is null && !centred: return Fail(T["sort=distance needs a place, or near, the point to measure from."], "sort");
            case "distance": query.Sort = SearchSort.Distance; break;
            case "updated": query.Sort = SearchSort.Updated; break;
            case "title": query.Sort = SearchSort.Title; break;
            default: return Fail(T["sort must be relevance, distance, updated or title."]);
        }

        if (!QueryValues.TryPage(values["page"], out var page)) return Fail(T["The page number must be a whole number from 1 to {0}.", QueryValues.MaxPage]);
        query.Page = page;
        if (values["pageSize"].ToString() is { Length: > 0 } sizeText)
        {
            if (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size is < 1 or > 100)
                return Fail(T["pageSize must be a whole number from 1 to 100."]);
            query.PageSize = size;
        }
        if ((long)query.Page * query.PageSize > LuceneSearchIndex.MaxRank)
            return Fail(T["Results are served up to the {0}th; narrow the search to see further.", LuceneSearchIndex.MaxRank]);
        return new Outcome(query, null, place);
    }

    private static Outcome Fail(string reason, string? field = null) => new(null, reason, Field: field);

    private static double[]? Numbers(string text)
    {
        var parts = text.Split(',');
        var numbers = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i])) return null;
        return numbers;
    }
}
