using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Search.Services;

namespace Portal.Search.Controllers;

/// <summary>/admin/search: the state of this node's indexes and a button to rebuild them.</summary>
[RequirePermission(Permissions.ManageSearch)]
public sealed class SearchAdminController(SearchIndexManager manager, PortalDbContext db, IStringLocalizer<SearchAdminController> T) : Controller
{
    [HttpGet("/admin/search")]
    public async Task<IActionResult> Index()
    {
        ViewData["LastChange"] = await db.ContentChanges.MaxAsync(c => (long?)c.Id) ?? 0;
        return View("Index", manager);
    }

    [HttpPost("/admin/search/rebuild")]
    [ValidateAntiForgeryToken]
    public IActionResult Rebuild()
    {
        // Built in the background: searches go on answering from the current index until the new one is swapped in.
        manager.RequestRebuild();
        TempData["Message"] = T["The rebuild has started. Searches keep answering from the current index until the new one is ready."].Value;
        return Redirect("/admin/search");
    }
}
