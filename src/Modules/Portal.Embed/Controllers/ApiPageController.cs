using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Hosting;
using Portal.Core.Localization;

namespace Portal.Embed.Controllers;

/// <summary>"Données et API / Daten und API": the open API for people, with its description and examples.</summary>
[AllowAnonymous]
public sealed class ApiPageController(Cultures cultures, PublicUrl publicUrl) : Controller
{
    public static string PagePath(string culture) => ApiPageRoutes.Table.Path(ApiPageRoutes.ApiPage, culture);

    [HttpGet("/{culture:culture}/{segment:localized(data-and-api)}")]
    public IActionResult Page(string culture, string segment)
    {
        if (PagePath(culture) != $"/{culture}/{segment}") return RedirectPermanent(PagePath(culture));
        ViewData["Alternates"] = cultures.Supported.ToDictionary(c => c, PagePath);
        return View("Index", new ApiPageModel(culture, publicUrl.Base));
    }
}

public sealed record ApiPageModel(string Culture, string Site);
