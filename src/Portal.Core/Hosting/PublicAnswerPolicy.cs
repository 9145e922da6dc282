using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Portal.Core.Hosting;

/// <summary>
/// What the page cache may keep and serve: a GET (or HEAD) from an anonymous visitor who carries no cookie but the
/// antiforgery one, answered 200 with a text type, without a cookie and without <c>no-store</c> or <c>private</c>
/// (the antiforgery system marks every response holding a token no-store, so forms are rendered per request).
/// Never the back office, /health, nor an address holding a token (registrations, verifications: personal pages).
/// Varied by path, every query value, the Origin and Accept headers, the request's culture, the encoding it is given
/// (answers are stored compressed) and the cache's generation; tagged <see cref="PageCache.Tag"/>.
/// The cache sits after routing, CORS and the rate limiter, before localization and authentication: a replayed answer
/// runs neither, and what is stored was rendered for an anonymous visitor after both.
/// </summary>
public sealed class PublicAnswerPolicy(TimeSpan duration) : IOutputCachePolicy
{
    /// <summary>The one cookie an anonymous visitor may carry and still share cached answers: it only matters to forms.</summary>
    public const string AntiforgeryCookie = ".Portal.Antiforgery";

    /// <summary>
    /// Before localization and authentication (a replayed answer needs neither): from the request and its route alone.
    /// The language is the address's first segment, or else the browser's languages (no cookie may choose it here).
    /// </summary>
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var attempt = Shareable(http);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = attempt;
        context.AllowCacheStorage = attempt;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = duration;
        context.CacheVaryByRules.QueryKeys = "*";
        // A cross-origin answer (the widget, the API) carries CORS headers for the origin that asked: kept per origin.
        context.CacheVaryByRules.HeaderNames = new Microsoft.Extensions.Primitives.StringValues([HeaderNames.Origin, HeaderNames.Accept]);
        context.CacheVaryByRules.VaryByValues["culture"] = CultureKey(http);
        // Stored compressed (the compression is inside the cache): one answer per encoding the browser is given, not per
        // spelling of its Accept-Encoding.
        var compression = http.RequestServices.GetRequiredService<IResponseCompressionProvider>();
        context.CacheVaryByRules.VaryByValues["encoding"] =
            (compression.CheckRequestAcceptsCompression(http) ? compression.GetCompressionProvider(http)?.EncodingName : null) ?? "identity";
        context.CacheVaryByRules.VaryByValues["generation"] = http.RequestServices.GetRequiredService<PageCache>().Generation.ToString(CultureInfo.InvariantCulture);
        context.Tags.Add(PageCache.Tag);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <summary>When the answer starts, the endpoint known and the visitor authenticated: kept only if still shareable.</summary>
    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (!Shareable(context.HttpContext) || !Storable(context.HttpContext.Response)) context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }

    /// <summary>The culture the request will be answered in, as the localization middleware decides it without cookies.</summary>
    private static string CultureKey(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var start = path.StartsWith('/') ? 1 : 0;
        var end = path.IndexOf('/', start);
        var segment = end < 0 ? path[start..] : path[start..end];
        var cultures = context.RequestServices.GetRequiredService<Portal.Core.Localization.Cultures>();
        return cultures.Find(segment)?.Code ?? "accept:" + context.Request.Headers.AcceptLanguage.ToString();
    }

    /// <summary>
    /// Whether this request may be answered from, and stored in, the shared cache. Before authentication it judges the
    /// request and its route; when the answer is stored it also knows the visitor.
    /// </summary>
    public static bool Shareable(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) return false;
        if (context.User.Identity?.IsAuthenticated == true || request.Headers.ContainsKey(HeaderNames.Authorization)) return false;
        // A signed-in cookie (even one that no longer signs in), a one-time notice, a language choice: answered afresh.
        foreach (var cookie in request.Cookies)
            if (!string.Equals(cookie.Key, AntiforgeryCookie, StringComparison.Ordinal)) return false;
        var path = request.Path;
        if (path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/media", StringComparison.OrdinalIgnoreCase))
            return false;
        return !context.GetRouteData().Values.ContainsKey("token");
    }

    /// <summary>Whether an answer may be kept for other visitors.</summary>
    public static bool Storable(HttpResponse response)
    {
        if (response.StatusCode != StatusCodes.Status200OK) return false;
        if (response.Headers.ContainsKey(HeaderNames.SetCookie)) return false;
        var control = response.Headers.CacheControl.ToString();
        if (control.Contains("no-store", StringComparison.OrdinalIgnoreCase) || control.Contains("private", StringComparison.OrdinalIgnoreCase)) return false;
        if (response.ContentType is not { Length: > 0 } type) return false;
        var media = type.Split(';', 2)[0].Trim();
        return HttpEfficiency.CompressedTypes.Contains(media, StringComparer.OrdinalIgnoreCase);
    }
}
