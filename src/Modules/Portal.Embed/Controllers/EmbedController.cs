using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Hosting;
using Portal.Embed.Data;
using Portal.Embed.Services;

namespace Portal.Embed.Controllers;

/// <summary>
/// The embeddable widget: the frame page <c>/embed/{id}</c> (framed only by the widget's allowed origins; works
/// without JavaScript) and <c>/embed/{id}/part</c>, the same markup as a fragment for the script, readable by the
/// allowed origins only (CORS without credentials).
/// </summary>
[AllowAnonymous, IgnoreAntiforgeryToken, EnableRateLimiting(PublicApi.RateLimitPolicy)]
public sealed class EmbedController(WidgetStore widgets, WidgetRenderer renderer, WidgetUsage usage, Portal.Core.Localization.Cultures cultures) : Controller
{
    [HttpGet("/embed/{id}")]
    public async Task<IActionResult> Frame(string id, string? lang, CancellationToken cancellationToken)
    {
        if (await widgets.FindAsync(id, cancellationToken) is not { } widget) return NotFound();
        var view = await RenderAsync(widget, lang, frame: true, cancellationToken);
        SecurityHeaders.AllowFraming(HttpContext, widget.OriginList);
        return View("Frame", view);
    }

    [HttpGet("/embed/{id}/part")]
    public async Task<IActionResult> Part(string id, string? lang, CancellationToken cancellationToken)
    {
        if (await widgets.FindAsync(id, cancellationToken) is not { } widget) return NotFound();
        var origin = Request.Headers.Origin.ToString();
        Response.Headers.Vary = "Origin";
        if (origin.Length > 0 && widget.OriginList.Contains(origin, StringComparer.OrdinalIgnoreCase))
            Response.Headers.AccessControlAllowOrigin = origin;
        var view = await RenderAsync(widget, lang, frame: false, cancellationToken);
        return PartialView("_Widget", view);
    }

    private async Task<WidgetView> RenderAsync(EmbedWidget widget, string? lang, bool frame, CancellationToken cancellationToken)
    {
        var culture = renderer.CultureOf(widget, lang);
        cultures.Use(culture); // for the search's labels; the view sets it again for its own texts
        if (WidgetRenderer.IsSearch(Request.Query)) await usage.CountSearchAsync(widget.Id, cancellationToken);
        else await usage.CountLoadAsync(widget.Id, cancellationToken);
        Response.Headers.CacheControl = "no-cache";
        return await renderer.RenderAsync(widget, culture, Request.Query, frame, cancellationToken);
    }
}
