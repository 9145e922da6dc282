using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Localization;
using Portal.Search.Services;
using Portal.Search.ViewModels;

namespace Portal.Search.Controllers;

/// <summary>/fr/recherche and /de/suche: a plain GET form with facets, so it works without JavaScript.</summary>
[AllowAnonymous]
public sealed class SearchController(SearchService search, PlaceSearch places, Insights.SearchInsightsRecorder insights, Cultures cultures) : Controller
{
    public static string PathOf(string culture) => SearchRoutes.Table.Path(SearchRoutes.Search, culture);

    [HttpGet("/{culture:culture}/{segment:localized(search)}")]
    public async Task<IActionResult> Index(string culture, string segment, CancellationToken cancellationToken)
    {
        if (PathOf(culture) != $"/{culture}/{segment}") return RedirectPermanent(PathOf(culture) + Request.QueryString);
        ViewData["Alternates"] = cultures.Supported.ToDictionary(c => c, c => PathOf(c) + Request.QueryString);
        var read = search.Read(Request.Query);
        var (typed, page, filtered) = (read.Query?.Text, read.Query?.Page ?? 1, read.Query?.Filters.Count > 0);
        var placed = read.Query is null ? null : await places.SearchAsync(read, culture, cancellationToken);
        if (placed?.Response is { } found) insights.Record(culture, typed, page, filtered, found);
        if (placed?.Response is not { } response)
        {
            Response.StatusCode = 400;
            return View("Index", new SearchPageViewModel
            {
                Culture = culture, BasePath = PathOf(culture), Error = placed?.Error ?? read.Error, ErrorField = placed?.Field ?? read.Field,
                Text = Request.Query["q"].ToString(), Query = SearchPageViewModel.PairsOf(Request.Query),
            });
        }
        return View("Index", new SearchPageViewModel
        {
            Culture = culture, BasePath = PathOf(culture), Response = response, Text = Request.Query["q"].ToString(),
            Query = SearchPageViewModel.PairsOf(Request.Query),
        });
    }
}
