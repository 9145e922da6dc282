using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Portal.Core.Localization;
using Portal.Search.Services;
using Portal.Search.Suggestions;

namespace Portal.Search.Controllers;

/// <summary>GET /api/search and /api/search/suggest: the search as JSON, for scripts, the map and other sites.</summary>
[AllowAnonymous]
[EnableCors(Portal.Core.Hosting.PublicApi.CorsPolicy), EnableRateLimiting(Portal.Core.Hosting.PublicApi.RateLimitPolicy)]
[ApiExplorerSettings(IgnoreApi = false)]
public sealed class SearchApiController(Portal.Core.Localization.Cultures cultures, SearchService search, PlaceSearch places, SuggestionService suggest, Insights.SearchInsightsRecorder insights, IStringLocalizer<SearchApiController> T) : Controller
{
    [HttpGet("/api/search"), ProducesResponseType<SearchApiResult>(200), ProducesResponseType<ProblemDetails>(400)]
    public async Task<IActionResult> Search(string? culture, CancellationToken cancellationToken)
    {
        if (CultureError(culture) is { } error) return error;
        var read = search.Read(Request.Query);
        if (read.Query is null) return Problem(read.Error);
        var (typed, page, filtered) = (read.Query.Text, read.Query.Page, read.Query.Filters.Count > 0);
        var placed = await places.SearchAsync(read, culture!, cancellationToken);
        if (placed.Response is not { } response) return Problem(placed.Error);
        insights.Record(culture!, typed, page, filtered, response);
        var result = response.Result;
        Response.Headers.CacheControl = "public, max-age=30";
        return Json(new SearchApiResult(result.Total, result.Page, result.PageSize, result.Fuzzy, PlaceJson.Of(response.Place),
            result.Relaxations.Select(r => new SearchApiRelaxation(r.Kind.ToString(), r.Words)).ToList(), result.Correction,
            result.Hits.Select(h => Hit(h, response)).ToList(),
            response.Facets.ToDictionary(f => f.Name, f => (IReadOnlyList<SearchApiFacetValue>)f.Values.Select(v => new SearchApiFacetValue(v.Value, v.Label, v.Count, v.Selected)).ToList())));
    }

    /// <summary>The snippet's HTML: what HTML treats specially is escaped, letters (accents included) are written as themselves.</summary>
    private static readonly System.Text.Encodings.Web.HtmlEncoder SnippetEncoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>A hit as JSON; each declared stored text is a property of its own name, null when the hit has none.</summary>
    private SearchApiHit Hit(Engine.SearchHit h, SearchResponse response) =>
        new(h.Id, h.Type, response.TypeLabels.GetValueOrDefault(h.Type, h.Type), h.Title, h.Url,
            string.Concat(h.Snippet.Select(p => p.Text)),
            string.Concat(h.Snippet.Select(p => p.Marked ? "<mark>" + SnippetEncoder.Encode(p.Text) + "</mark>" : SnippetEncoder.Encode(p.Text))),
            h.Latitude, h.Longitude, h.DistanceKm, h.LastVerified?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        {
            Stored = search.Options.StoredFieldNames.ToDictionary(name => name, name => (object?)h.Stored.GetValueOrDefault(name)),
        };

    /// <summary>
    /// Completions of what is typed, grouped by kind (topics, entries, places), labelled in <paramref name="culture"/>,
    /// with a sentence announcing their number. <paramref name="kind"/> (topic, entry, place; repeatable) narrows them.
    /// </summary>
    [HttpGet("/api/search/suggest"), ProducesResponseType<SuggestApiResult>(200), ProducesResponseType<ProblemDetails>(400)]
    public async Task<IActionResult> Suggest(string? culture, string? q, [FromQuery] string[]? kind, CancellationToken cancellationToken)
    {
        if (CultureError(culture) is { } error) return error;
        if (q is { Length: > SearchRequestReader.MaxTextLength }) return Problem(T["The search text is limited to {0} characters.", SearchRequestReader.MaxTextLength]);
        var kinds = new HashSet<SuggestionKind>();
        foreach (var name in kind ?? [])
        {
            if (!Enum.TryParse<SuggestionKind>(name, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || name.Any(char.IsDigit))
                return Problem(T["kind must be topic, entry or place."]);
            kinds.Add(parsed);
        }
        if (kinds.Count == 0) kinds.UnionWith(Enum.GetValues<SuggestionKind>());
        var suggestions = string.IsNullOrWhiteSpace(q) ? [] : await suggest.SuggestAsync(q, culture!, kinds, cancellationToken);
        cultures.Use(culture!);
        Response.Headers.CacheControl = "public, max-age=60";
        return Json(new SuggestApiResult(
            suggestions.Count == 0 ? T["No suggestions"].Value : T.Plural(suggestions.Count, "{0} suggestion", "{0} suggestions").Value,
            suggestions.Select(s => s.Kind).Distinct().Select(k => new SuggestApiGroup(Name(k), GroupLabel(k))).ToList(),
            suggestions.Select(s => new SuggestApiItem(s.Text, Name(s.Kind), KindLabel(s.Kind), s.Detail, s.Url, s.Value, s.Latitude, s.Longitude, s.Count)).ToList()));
    }

    private static string Name(SuggestionKind kind) => kind.ToString().ToLowerInvariant();

    private string KindLabel(SuggestionKind kind) => kind switch
    {
        SuggestionKind.Entry => T["Entry"],
        SuggestionKind.Topic => T["Topic"],
        _ => T["Place"],
    };

    private string GroupLabel(SuggestionKind kind) => kind switch
    {
        SuggestionKind.Entry => T["Entries"],
        SuggestionKind.Topic => T["Topics"],
        _ => T["Places"],
    };

    private IActionResult? CultureError(string? culture) =>
        cultures.IsSupported(culture) ? null : Problem(T["culture must be one of: {0}.", string.Join(", ", cultures.Supported)]);

    private ObjectResult Problem(string? reason) => Problem(detail: reason, statusCode: 400, title: T["The search cannot be read."]);
}
