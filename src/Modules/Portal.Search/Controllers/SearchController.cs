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

    public static string PrintPathOf(string culture) => PathOf(culture) + "/" + SearchRoutes.Table.Segment(SearchRoutes.Print, culture);

    /// <summary>The most results the printable list shows (ten printed pages).</summary>
    public const int PrintLimit = 100;

    /// <summary>The current search's results as a list to print for someone (title, address, contact, hours), ten per page.</summary>
    [HttpGet("/{culture:culture}/{segment:localized(search)}/{print:localized(search-print)}")]
    public async Task<IActionResult> Print(string culture, string segment, string print, CancellationToken cancellationToken)
    {
        if (PrintPathOf(culture) != $"/{culture}/{segment}/{print}") return RedirectPermanent(PrintPathOf(culture) + Request.QueryString);
        ViewData["Alternates"] = cultures.Supported.ToDictionary(c => c, c => PrintPathOf(c) + Request.QueryString);
        var read = search.Read(Request.Query);
        if (read.Query is { } query) (query.Page, query.PageSize) = (1, PrintLimit);
        var placed = read.Query is null ? null : await places.SearchAsync(read, culture, cancellationToken);
        if (placed?.Response is not { } response) Response.StatusCode = 400;
        return View("Print", new SearchPageViewModel
        {
            Culture = culture, BasePath = PathOf(culture), Response = placed?.Response, Error = placed?.Error ?? read.Error, ErrorField = placed?.Field ?? read.Field,
            Text = Request.Query["q"].ToString(), Query = SearchPageViewModel.PairsOf(Request.Query),
        });
    }

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
