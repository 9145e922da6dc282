using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace Portal.Core.Localization;

/// <summary>Public URLs carry the culture as their first segment: /fr/…, /de/….</summary>
public sealed class UrlCultureProvider(Cultures cultures) : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var path = httpContext.Request.Path.Value ?? "";
        var segment = path.Split('/', 3, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return Task.FromResult(cultures.Find(segment) is { } culture ? new ProviderCultureResult(culture.Formats.Name, culture.Code) : null);
    }
}
