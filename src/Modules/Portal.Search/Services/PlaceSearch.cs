using Microsoft.Extensions.Localization;
using Portal.Search.Engine;
using Portal.Search.Places;

namespace Portal.Search.Services;

/// <summary>
/// A search centred on a place: the place typed in the "where" field, a position (lat, lon), or a place named among
/// the words, which then becomes a filter instead of a word to match. Without a radius, it looks in the place itself
/// first, then within 10, 25 and 50 km until something matches; when nothing does, it shows the nearest results
/// farther away. Results are sorted by distance unless another sort was chosen.
/// </summary>
public sealed class PlaceSearch(SearchService search, IGazetteer gazetteer, IStringLocalizer<PlaceSearch> T)
{
    /// <summary>The radii tried in turn around a place, in km.</summary>
    public static readonly double[] Steps = [10, 25, 50];
    /// <summary>Half the earth's circumference: a circle that holds every point.</summary>
    public const double EverywhereKm = 20_040;

    /// <summary>A step of the place search that finds at least this many is kept; fewer, and the next, wider step is tried.</summary>
    public const int EnoughResults = 5;

    public sealed record Outcome(SearchResponse? Response, string? Error, string? Field);

    /// <summary>
    /// Whether <see cref="SearchAsync"/> has anything to resolve or refuse: words (which may name a place), a place, a
    /// position, a radius or a sort by distance. Without any, the query is searched as it was read.
    /// </summary>
    public static bool HasPlaceToResolve(SearchRequestReader.Outcome read) =>
        read.Query is { } query && (query.Text is not null || query.Near is not null || query.Sort == SearchSort.Distance
            || read.Place is { } place && (place.Place is not null || place.HasPosition || place.RadiusKm is not null));

    public async Task<Outcome> SearchAsync(SearchRequestReader.Outcome read, string culture, CancellationToken cancellationToken = default)
    {
        var query = read.Query ?? throw new ArgumentException("The request was not read.", nameof(read));
        var request = read.Place ?? new PlaceRequest();
        if (query.Near is not null) return new Outcome(await search.SearchAsync(query, culture, cancellationToken), null, null);

        Place? place = null;
        PlaceOrigin origin;
        string? named = null, words = null;
        if (request.Place is { } typed)
        {
            place = await gazetteer.FindAsync(typed, culture, cancellationToken);
            if (place is null) return new Outcome(null, T["No place named \"{0}\" is known: type a commune, a town or a postcode.", typed], "place");
            origin = PlaceOrigin.Field;
        }
        else if (request.HasPosition) origin = PlaceOrigin.Position;
        else if (!request.WordsOnly && query.Text is { } text && await gazetteer.RecogniseAsync(text, culture, cancellationToken) is { } match)
        {
            (place, named, words, origin) = (match.Place, match.Name, match.RemainingText, PlaceOrigin.Words);
            query.Text = words.Length == 0 ? null : words;
        }
        else
        {
            if (request.RadiusKm is not null) return new Outcome(null, T["radius needs a place, or near, the point to measure from."], "radius");
            if (query.Sort == SearchSort.Distance) return new Outcome(null, T["sort=distance needs a place, or near, the point to measure from."], "sort");
            return new Outcome(await search.SearchAsync(query, culture, cancellationToken), null, null);
        }

        var (lat, lon) = place is null ? (request.Latitude!.Value, request.Longitude!.Value) : (place.Latitude, place.Longitude);
        var label = place?.LabelFor(culture);
        if (!request.SortGiven) query.Sort = SearchSort.Distance;
        var filters = query.Filters;
        PlaceOutcome Result(PlaceScope scope, double? radius, SearchResult result) =>
            new(origin, scope, label, place?.Kind, lat, lon, radius, result.FarthestKm, named, words);

        SearchResponse? last = null;
        double? lastRadius = null;
        PlaceFilter? lastFilter = null;
        (SearchResponse Response, double? Radius, PlaceFilter? Filter)? found = null;
        foreach (var (filter, radius) in StepsFor(place, request.RadiusKm, filters))
        {
            query.Filters = filter is null ? filters : new(filters, StringComparer.Ordinal) { [filter.Facet] = [filter.Value] };
            query.Near = new GeoCircle(lat, lon, radius ?? EverywhereKm);
            last = await search.SearchAsync(query, culture, cancellationToken);
            (lastRadius, lastFilter) = (radius, filter);
            if (last.Result.Total > 0) found = (last, radius, filter);
            // Widen until a handful of results, not the first one: one item filed under the commune must not hide those next door.
            if (last.Result.Total >= EnoughResults) break;
        }
        if (found is { } hit)
        {
            (query.Filters, query.Near) = (hit.Filter is null ? filters : new(filters, StringComparer.Ordinal) { [hit.Filter.Facet] = [hit.Filter.Value] }, new GeoCircle(lat, lon, hit.Radius ?? EverywhereKm));
            return Done(hit.Response with { Place = Result(hit.Radius is null ? PlaceScope.Place : PlaceScope.Radius, hit.Radius, hit.Response.Result) }, hit.Filter);
        }

        // A place name typed alone with nothing around it: the words are searched as words (the site may mention the
        // place without being there); listing the whole directory by distance would answer nothing that was asked.
        if (origin == PlaceOrigin.Words && words is { Length: 0 } && filters.Count == 0)
        {
            (query.Text, query.Filters, query.Near) = (named, filters, null);
            if (query.Sort == SearchSort.Distance) query.Sort = SearchSort.Relevance;
            return new Outcome(await search.SearchAsync(query, culture, cancellationToken), null, null);
        }

        // Nothing there: the nearest results farther away, with their distance.
        query.Filters = filters;
        query.Near = new GeoCircle(lat, lon, EverywhereKm);
        var sort = query.Sort;
        query.Sort = SearchSort.Distance;
        var nearest = await search.SearchAsync(query, culture, cancellationToken);
        if (nearest.Result.Total > 0) return Done(nearest with { Place = Result(PlaceScope.Nearest, lastRadius, nearest.Result) }, null);
        query.Sort = sort;
        query.Filters = lastFilter is null ? filters : new(filters, StringComparer.Ordinal) { [lastFilter.Facet] = [lastFilter.Value] };
        query.Near = new GeoCircle(lat, lon, lastRadius ?? EverywhereKm);
        return Done(last! with { Place = Result(lastRadius is null ? PlaceScope.Place : PlaceScope.Radius, lastRadius, last.Result) }, lastFilter);
    }

    /// <summary>The place's own filter is the search's, not the visitor's: it shows in the message, not as a chosen facet value.</summary>
    private static Outcome Done(SearchResponse response, PlaceFilter? filter) => new(filter is null ? response : response with
    {
        Facets = response.Facets.Select(g => g.Name != filter.Facet ? g
            : g with { Values = g.Values.Select(v => v.Value == filter.Value ? v with { Selected = false } : v).ToList() }).ToList(),
    }, null, null);

    /// <summary>
    /// The filters tried in turn: the radius asked for; else the place's own items (a commune's or a territory's facet,
    /// unless that facet is already filtered), then, for a commune or a position, the <see cref="Steps"/>.
    /// </summary>
    private static IEnumerable<(PlaceFilter? Filter, double? RadiusKm)> StepsFor(Place? place, double? radius, IReadOnlyDictionary<string, HashSet<string>> filters)
    {
        if (radius is not null)
        {
            yield return (null, radius);
            yield break;
        }
        if (place?.Filter is { } filter && !filters.ContainsKey(filter.Facet)) yield return (filter, null);
        if (place is not null && place.Kind == PlaceKind.Territory && place.Filter is not null) yield break;
        foreach (var step in Steps) yield return (null, step);
    }
}
