using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Settings;

namespace Portal.Theme.Controllers;

/// <summary>
/// The site's colours as a stylesheet of this site, not an inline style element: the Content-Security-Policy lets no
/// inline style apply, and pages parsed by scripts (the search page's in-place updates) carry no inline style either.
/// </summary>
[AllowAnonymous, IgnoreAntiforgeryToken]
public sealed partial class ThemeColorsController(IDocumentStore documents) : Controller
{
    [GeneratedRegex("^#[0-9a-fA-F]{3,8}$")]
    private static partial Regex Color();

    /// <summary>The stylesheet's address, versioned by the colours so that browsers may keep it.</summary>
    public static string Href(SiteSettings settings) => "/theme/colors.css?v=" + Version(settings);

    [HttpGet("/theme/colors.css")]
    public async Task<IActionResult> Colors(string? v)
    {
        var settings = await documents.GetAsync<SiteSettings>(DocumentKeys.SiteSettings);
        Response.Headers.CacheControl = v == Version(settings) ? "public, max-age=31536000, immutable" : "no-cache";
        return Content($":root {{ --primary: {Safe(settings.PrimaryColor, "#1f4e8c")}; --accent: {Safe(settings.AccentColor, "#b34700")}; }}\n", "text/css; charset=utf-8");
    }

    private static string Safe(string color, string fallback) => Color().IsMatch(color) ? color : fallback;

    private static string Version(SiteSettings settings) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(settings.PrimaryColor + "|" + settings.AccentColor)))[..12];
}
