using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Localization;
using Portal.Core.Settings;

namespace Portal.Theme.Controllers;

/// <summary>
/// The icons browsers and crawlers ask for at the site's root (/favicon.ico), and the web app manifest of each
/// language, named after the site in that language.
/// </summary>
[AllowAnonymous, IgnoreAntiforgeryToken]
public sealed class SiteIconsController(IWebHostEnvironment environment, IDocumentStore documents, Cultures cultures) : Controller
{
    private const string Icons = "_content/Portal.Theme/icons/";

    [HttpGet("/favicon.ico")]
    public IActionResult Favicon()
    {
        var file = environment.WebRootFileProvider.GetFileInfo(Icons + "favicon.ico");
        if (!file.Exists) return NotFound();
        Response.Headers.CacheControl = "public, max-age=604800";
        return File(file.CreateReadStream(), "image/x-icon");
    }

    [HttpGet("/{culture:culture}/manifest.webmanifest")]
    public async Task<IActionResult> Manifest(string culture)
    {
        cultures.Use(culture);
        var settings = await documents.GetAsync<SiteSettings>(DocumentKeys.SiteSettings);
        var name = settings.SiteNameFor(culture, cultures);
        var manifest = new JsonObject
        {
            ["name"] = name,
            ["short_name"] = name.Length <= 12 ? name : name[..12].TrimEnd(),
            ["lang"] = culture,
            ["start_url"] = "/" + culture,
            ["scope"] = "/",
            ["display"] = "browser",
            ["background_color"] = "#ffffff",
            ["theme_color"] = settings.PrimaryColor,
            ["icons"] = new JsonArray(
                Icon("icon-192.png", "192x192", "image/png"),
                Icon("icon-512.png", "512x512", "image/png"),
                Icon("favicon.svg", "any", "image/svg+xml")),
        };
        Response.Headers.CacheControl = "public, max-age=3600";
        return Content(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = false }), "application/manifest+json; charset=utf-8");
    }

    private static JsonObject Icon(string file, string sizes, string type) => new() { ["src"] = "/" + Icons + file, ["sizes"] = sizes, ["type"] = type };
}
