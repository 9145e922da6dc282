using Microsoft.AspNetCore.Http;

namespace Portal.Core.Hosting;

/// <summary>
/// The 503 answer while the site starts or its database does not answer: a fixed page in French and German (JSON under
/// /api), written without the database, views or localizer, which may all need what is missing.
/// </summary>
public static class ServiceUnavailablePage
{
    private const string Html = """
        <!doctype html>
        <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Service momentanément indisponible – Dienst vorübergehend nicht verfügbar</title></head>
        <body><main>
        <h1>Service momentanément indisponible</h1>
        <p>Le site démarre ou sa base de données ne répond pas. Réessayez dans quelques instants.</p>
        <h1 lang="de">Dienst vorübergehend nicht verfügbar</h1>
        <p lang="de">Die Website startet gerade oder ihre Datenbank antwortet nicht. Bitte versuchen Sie es in wenigen Augenblicken erneut.</p>
        </main></body></html>
        """;

    private static readonly string[] SecurityHeaderNames =
        ["Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Permissions-Policy", "Strict-Transport-Security"];

    public static Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        // Clear drops every header: the security headers set earlier in the pipeline are kept.
        var kept = SecurityHeaderNames.Where(response.Headers.ContainsKey).Select(name => (name, value: response.Headers[name])).ToList();
        response.Clear();
        foreach (var (name, value) in kept) response.Headers[name] = value;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = "30";
        response.Headers.CacheControl = "no-store";
        if (context.Request.Path.StartsWithSegments("/api"))
            return response.WriteAsJsonAsync(new { status = 503, error = "Service temporarily unavailable" });
        response.ContentType = "text/html; charset=utf-8";
        return response.WriteAsync(Html);
    }
}
