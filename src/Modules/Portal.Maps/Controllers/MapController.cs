using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Localization;
using Portal.Search.Services;
using Portal.Search.ViewModels;

namespace Portal.Maps.Controllers;

/// <summary>/fr/carte and /de/karte: the map, the search's filters, and the list of what the map shows (which works without JavaScript).</summary>
[AllowAnonymous]
public sealed class MapController(SearchService search, PlaceSearch places, Cultures cultures) : Controller
{
    public static string PathOf(string culture) => MapRoutes.Table.Path(MapRoutes.Map, culture);

    [HttpGet("/{culture:culture}/{segment:localized(map)}")]
    public async Task<IActionResult> Index(string culture, string segment, CancellationToken cancellationToken)
    {
        if (PathOf(culture) != $"/{culture}/{segment}") return RedirectPermanent(PathOf(culture) + Request.QueryString);
        ViewData["Alternates"] = cultures.Supported.ToDictionary(c => c, c => PathOf(c) + Request.QueryString);
        var query = SearchPageViewModel.PairsOf(Request.Query);
        var read = search.Read(Request.Query);
        var placed = read.Query is null ? null : await places.SearchAsync(read, culture, cancellationToken);
        if (placed?.Response is not { } response)
        {
            Response.StatusCode = 400;
            return View("Index", new SearchPageViewModel
            {
                Culture = culture, BasePath = PathOf(culture), Error = placed?.Error ?? read.Error, ErrorField = placed?.Field ?? read.Field,
                Text = Request.Query["q"].ToString(), Query = query,
            });
        }
        return View("Index", new SearchPageViewModel { Culture = culture, BasePath = PathOf(culture), Response = response, Text = Request.Query["q"].ToString(), Query = query });
    }
}
