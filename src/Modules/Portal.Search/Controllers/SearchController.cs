using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Localization;
using Portal.Search.Services;
using Portal.Search.ViewModels;

namespace Portal.Search.Controllers;

/// <summary>/fr/recherche and /de/suche: a plain GET form with facets, so it works without JavaScript.</summary>
[AllowAnonymous]
public sealed class SearchController(SearchService search, Cultures cultures) : Controller
{
    public static string PathOf(string culture) => SearchRoutes.Table.Path(SearchRoutes.Search, culture);

    [HttpGet("/{culture:culture}/{segment:localized(search)}")]
    public async Task<IActionResult> Index(string culture, string segment, CancellationToken cancellationToken)
    {
        if (PathOf(culture) != $"/{culture}/{segment}") return RedirectPermanent(PathOf(culture) + Request.QueryString);
        ViewData["Alternates"] = cultures.Supported.ToDictionary(c => c, c => PathOf(c) + Request.QueryString);
        var read = search.Read(Request.Query);
        if (read.Query is null)
        {
            Response.StatusCode = 400;
            return View("Index", new SearchPageViewModel { Culture = culture, BasePath = PathOf(culture), Error = read.Error, Text = Request.Query["q"].ToString() });
        }
        var response = await search.SearchAsync(read.Query, culture, cancellationToken);
        return View("Index", new SearchPageViewModel
        {
            Culture = culture, BasePath = PathOf(culture), Response = response, Text = read.Query.Text ?? "",
            Query = SearchPageViewModel.PairsOf(Request.Query),
        });
    }
}
