using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Contents.ViewModels;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Localization;

namespace Portal.Contents.Controllers;

/// <summary>The public side of any item with an address: /{culture}/{path}. Only published versions are shown.</summary>
[AllowAnonymous]
public sealed class ContentPublicController(PortalDbContext db, PublishedContentReads published, Cultures cultures, IContentDefinitionStore definitions, Microsoft.AspNetCore.Mvc.ViewEngines.ICompositeViewEngine views) : Controller
{
    [HttpGet("/")]
    public IActionResult Root()
    {
        // The language comes from the cookie or the browser's languages: a shared cache must keep one answer per value.
        Response.Headers.Vary = "Accept-Language, Cookie";
        Response.Headers.CacheControl = "private, no-cache";
        return Redirect("/" + cultures.Current);
    }

    [HttpGet("/{culture:culture}")]
    public async Task<IActionResult> Home(string culture)
    {
        // The culture is compared as an expression ("Culture || ''"), not on its index: SQLite then reads the latest
        // items from the top of the PublishedUtc index and stops at 12, instead of sorting every item of the culture.
        // From memory until an item is published, unpublished or removed.
        var recent = await published.ListAsync(db, "home-recent|" + culture, items => items
            .Where(i => i.Published && i.Path != null && (i.Culture + "" == culture || i.Culture + "" == ""))
            .OrderByDescending(i => i.PublishedUtc).Take(12));
        var types = (await definitions.ListTypesAsync()).ToDictionary(t => t.Name);
        ViewData["Alternates"] = cultures.Supported.ToDictionary(c => c, c => "/" + c);
        return View(new PublicHomeViewModel { Recent = recent, Types = types });
    }

    [HttpGet("/{culture:culture}/{**path}")]
    public async Task<IActionResult> Item(string culture, string path)
    {
        var requested = path;
        path = path.Trim('/').ToLowerInvariant();
        if (path.Length == 0 || path.Length > 512) return NotFound();
        // One command, then from memory until an item is published, unpublished or removed: the item at this address
        // and every published translation of it (for the alternates).
        // The query is built only when it runs: a page read from memory does not start the database context.
        var rows = await published.ListAsync(db, "item|" + culture + "|" + path, items =>
        {
            var atPath = db.ContentItems.Where(i => i.Published && i.Path == path && (i.Culture == culture || i.Culture == ""));
            return items.Where(i => i.Published && (atPath.Select(a => a.Id).Contains(i.Id) || (i.LocalizationSet != null && atPath.Select(a => a.LocalizationSet).Contains(i.LocalizationSet))));
        });
        var item = rows.Where(i => i.Path == path && (i.Culture == culture || i.Culture == "")).OrderByDescending(i => i.Culture, StringComparer.Ordinal).FirstOrDefault();
        if (item is null) return NotFound();
        // Addresses are lower case: /fr/Une-Page leads to /fr/une-page.
        if (requested != item.Path) return RedirectPermanent($"/{culture}/{item.Path}{Request.QueryString}");
        var type = await definitions.GetTypeAsync(item.ContentType);
        if (type is null) return NotFound();

        var alternates = new Dictionary<string, string>();
        if (item.Culture == "") foreach (var c in cultures.Supported) alternates[c] = $"/{c}/{item.Path}";
        else if (item.LocalizationSet is { } set)
        {
            foreach (var t in rows.Where(i => i.LocalizationSet == set && i.Path != null)) alternates[t.Culture] = $"/{t.Culture}/{t.Path}";
        }
        ViewData["Alternates"] = alternates;
        // A module can show its types its own way with a view named Item-{Type}; the generic one shows any item.
        var view = views.FindView(ControllerContext, "Item-" + item.ContentType, isMainPage: true).Success ? "Item-" + item.ContentType : "Item";
        return View(view, new PublicItemViewModel { Item = item, Type = type, Parts = await definitions.GetPartsOfAsync(type) });
    }
}
