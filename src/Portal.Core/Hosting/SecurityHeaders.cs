using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Portal.Core.Hosting;

/// <summary>
/// The headers every answer carries: a Content-Security-Policy under which only the site's own files run and style
/// (no inline script, style element or style attribute: the pages have none, their JSON-LD is a data block, which
/// runs nothing), framing refused unless <c>Portal:Security:FrameAncestors</c> opens it, no MIME sniffing, a short
/// referrer, geolocation for "near me" only, and HSTS in Production. Without a nonce, the policy and the page are the
/// same for every visitor: a cached answer is replayed, compressed, as it was stored.
/// </summary>
public sealed class SecurityHeaders
{
    public const string FrameAncestorsSetting = "Portal:Security:FrameAncestors";
    private SecurityHeaders(string frameAncestors)
    {
        FrameAncestors = frameAncestors;
        // Images: the map tiles (the MapTileUrl setting) and the content's pictures may be any https address.
        Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; font-src 'self'; connect-src 'self'; "
                 + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors " + frameAncestors;
    }

    /// <summary>The Content-Security-Policy of every answer (the embeddable pages widen its frame-ancestors).</summary>
    public string Policy { get; }

    /// <summary>The CSP frame-ancestors sources, "'none'" by default.</summary>
    public string FrameAncestors { get; }

    public static SecurityHeaders From(IConfiguration configuration)
    {
        var value = configuration[FrameAncestorsSetting] is { Length: > 0 } set ? set.Trim() : "'none'";
        if (value.IndexOfAny([';', ',', '\r', '\n']) >= 0)
            throw new PortalConfigurationException($"{FrameAncestorsSetting} is a list of sources separated by spaces, such as 'self' https://partner.example (it is \"{value}\").");
        return new SecurityHeaders(value);
    }

    /// <summary>
    /// Lets this answer be framed by <paramref name="origins"/> (and the site itself, for previews) instead of the
    /// site-wide <see cref="FrameAncestors"/>: for the embeddable pages only (/embed/…), called before the body is written.
    /// </summary>
    public static void AllowFraming(HttpContext context, IEnumerable<string> origins)
    {
        var sources = origins.Where(IsOrigin).Prepend("'self'").Distinct(StringComparer.OrdinalIgnoreCase);
        var headers = context.Response.Headers;
        var policy = headers.ContentSecurityPolicy.ToString();
        var at = policy.IndexOf("frame-ancestors ", StringComparison.Ordinal);
        if (at >= 0) headers.ContentSecurityPolicy = policy[..at] + "frame-ancestors " + string.Join(' ', sources);
        headers.Remove("X-Frame-Options");
    }

    /// <summary>An origin as a CSP source and a CORS value: http(s)://host[:port], nothing else.</summary>
    public static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
        && string.Equals(uri.GetLeftPart(UriPartial.Authority), value, StringComparison.OrdinalIgnoreCase)
        && value.IndexOfAny([' ', ';', ',', '*', '\'', '\r', '\n']) < 0;

    /// <summary>Sets the headers before the rest of the pipeline runs (again on a re-executed error page).</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        if (FrameAncestors == "'none'") headers.XFrameOptions = "DENY";
        else if (FrameAncestors == "'self'") headers.XFrameOptions = "SAMEORIGIN";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
        await next(context);
    }
}

public static class SecurityHeadersExtensions
{
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(SecurityHeaders.From(configuration));
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (app.Environment.IsProduction()) app.UseHsts();
        var headers = app.Services.GetRequiredService<SecurityHeaders>();
        app.Use((context, next) => headers.InvokeAsync(context, next));
        return app;
    }
}
