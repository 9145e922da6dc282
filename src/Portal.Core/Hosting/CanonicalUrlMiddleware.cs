using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Portal.Core.Hosting;

/// <summary>
/// Routes match without regard to case (and with a trailing slash); a GET or HEAD to another spelling than the
/// canonical one is sent there with a 301: /FR/Acteurs/ → /fr/acteurs. The canonical spelling comes from the matched
/// route: its literal segments as written, culture and localized segments in lower case, other values as given.
/// </summary>
public sealed class CanonicalUrlMiddleware(RequestDelegate next)
{
    private static readonly HashSet<string> LowerCaseConstraints = new(StringComparer.OrdinalIgnoreCase) { "culture", "localized", "localizedexact" };

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && context.GetEndpoint() is RouteEndpoint endpoint && request.Path.Value is { Length: > 1 } path
            && Canonical(path, endpoint.RoutePattern) is { } canonical && !string.Equals(canonical, path, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = new PathString(canonical).ToUriComponent() + request.QueryString.ToUriComponent();
            return Task.CompletedTask;
        }
        return next(context);
    }

    /// <summary>The canonical spelling of <paramref name="path"/> under <paramref name="pattern"/>, or null when it cannot tell.</summary>
    public static string? Canonical(string path, RoutePattern pattern)
    {
        var segments = path.Trim('/').Split('/');
        if (segments.Length == 1 && segments[0].Length == 0) return null;
        for (var i = 0; i < segments.Length && i < pattern.PathSegments.Count; i++)
        {
            var parts = pattern.PathSegments[i].Parts;
            if (parts is [RoutePatternParameterPart { IsCatchAll: true }]) break;
            if (parts.All(p => p is RoutePatternLiteralPart)) segments[i] = string.Concat(parts.Cast<RoutePatternLiteralPart>().Select(p => p.Content));
            else if (parts is [RoutePatternParameterPart parameter] && parameter.ParameterPolicies.Any(p => p.Content is { } c && LowerCaseConstraints.Contains(c.Split('(')[0])))
                segments[i] = segments[i].ToLowerInvariant();
        }
        return "/" + string.Join('/', segments);
    }
}
