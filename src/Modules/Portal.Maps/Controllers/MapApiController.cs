using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Localization;
using Portal.Search.Services;

namespace Portal.Maps.Controllers;

/// <summary>GET /api/map.geojson: the search's parameters plus zoom; every point, or grid clusters above a threshold.</summary>
[AllowAnonymous, ApiExplorerSettings(IgnoreApi = false)]
[EnableCors(Portal.Core.Hosting.PublicApi.CorsPolicy), EnableRateLimiting(Portal.Core.Hosting.PublicApi.RateLimitPolicy)]
public sealed class MapApiController(Portal.Core.Localization.Cultures cultures, SearchService search, PlaceSearch places, GeoJsonWriter writer, IOptions<MapOptions> options,
    IStringLocalizer<MapApiController> T) : Controller
{
    [HttpGet("/api/map.geojson"), ProducesResponseType<MapFeatureCollection>(200, "application/geo+json"), ProducesResponseType<ProblemDetails>(400)]
    public async Task<IActionResult> GeoJson(string? culture, string? zoom, CancellationToken cancellationToken)
    {
        if (!cultures.IsSupported(culture))
            return Problem(statusCode: 400, title: T["The map cannot be drawn."], detail: T["culture must be one of: {0}.", string.Join(", ", cultures.Supported)]);
        var level = 8;
        if (!string.IsNullOrEmpty(zoom) && (!int.TryParse(zoom, NumberStyles.None, CultureInfo.InvariantCulture, out level) || level is < 0 or > 20))
            return Problem(statusCode: 400, title: T["The map cannot be drawn."], detail: T["zoom must be a whole number from 0 to 20."]);
        var read = search.Read(Request.Query);
        if (read.Query is null) return Problem(statusCode: 400, title: T["The map cannot be drawn."], detail: read.Error);
        // A place (or a place named among the words) is resolved as on the search page: the map shows the same area.
        // Without anything to resolve, the map counts its hits itself (no search for a first hit).
        var query = read.Query;
        if (PlaceSearch.HasPlaceToResolve(read))
        {
            var placed = await places.SearchAsync(read with { Query = Pageless(read.Query) }, culture!, cancellationToken);
            if (placed.Response is not { } response) return Problem(statusCode: 400, title: T["The map cannot be drawn."], detail: placed.Error);
            query = response.Query;
        }
        var map = await search.MapAsync(query, culture!, level, options.Value.ClusterThreshold, cancellationToken);
        Response.ContentType = "application/geo+json; charset=utf-8";
        Response.Headers.CacheControl = "public, max-age=30";
        await writer.WriteAsync(Response.Body, map, culture!, clustered: map.Clusters.Count > 0);
        return new EmptyResult();
    }

    /// <summary>The place is resolved with the first hit only and no facet counted: the map counts the rest itself.</summary>
    private static Portal.Search.Engine.SearchQuery Pageless(Portal.Search.Engine.SearchQuery query)
    {
        query.Page = 1;
        query.PageSize = 1;
        query.Facets = [];
        return query;
    }
}
