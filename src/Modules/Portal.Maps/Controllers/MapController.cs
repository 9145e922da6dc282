using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Localization;
using Portal.Search.Services;
using Portal.Search.ViewModels;

namespace Portal.Maps.Controllers;

/// <summary>/fr/carte and /de/karte: the map, the search's filters, and the list of what the map shows (which works without JavaScript).</summary>
[AllowAnonymous]
public sealed class MapController(SearchService search, Cultures cultures) : Controller
{
    public static string PathOf(string culture) => MapRoutes.Table.Path(MapRoutes.Map, culture);

    [HttpGet("/{culture:culture}/{segment:localized(map)}")]
    public async Task<IActionResult> Index(string culture, string segment, CancellationToken cancellationToken)
    {
        if (PathOf(culture) != $"/{culture}/{segment}") return RedirectPermanent(PathOf(culture) + Request.QueryString);
        ViewData["Alternates"] = cultures.Supported.ToDictionary(c => c, c => PathOf(c) + Request.QueryString);
        var query = SearchPageViewModel.PairsOf(Request.Query);
        var read = search.Read(Request.Query);
        if (read.Query is null)
        {
            Response.StatusCode = 400;
            return View("Index", new SearchPageViewModel { Culture = culture, BasePath = PathOf(culture), Error = read.Error, Text = Request.Query["q"].ToString(), Query = query });
        }
        var response = await search.SearchAsync(read.Query, culture, cancellationToken);
        return View("Index", new SearchPageViewModel { Culture = culture, BasePath = PathOf(culture), Response = response, Text = read.Query.Text ?? "", Query = query });
    }
}
