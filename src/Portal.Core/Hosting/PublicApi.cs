using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Hosting;

/// <summary>
/// The read APIs other sites call from their visitors' browsers (search, map, content, open data): CORS for any
/// origin on GET without credentials, and a per-address rate limit (<c>Portal:Api:RequestsPerMinute</c>) answered
/// with 429 and Retry-After. A read endpoint opts in with <c>[EnableCors(PublicApi.CorsPolicy), EnableRateLimiting(PublicApi.RateLimitPolicy)]</c>.
/// </summary>
public static class PublicApi
{
    public const string CorsPolicy = "public-read";
    public const string RateLimitPolicy = "public-api";
    public const string RequestsPerMinuteSetting = "Portal:Api:RequestsPerMinute";

    /// <summary>
    /// The escaping of the JSON answers: every letter as itself in UTF-8 (accents included), the characters HTML treats
    /// specially (&lt; &gt; &amp; ' ") and the control characters escaped.
    /// </summary>
    public static readonly System.Text.Encodings.Web.JavaScriptEncoder JsonEncoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>Generous: a widget's visitor types and pans, the test suite and the benchmarks never reach it.</summary>
    public const int DefaultRequestsPerMinute = 1200;

    public static IServiceCollection AddPublicApi(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue(RequestsPerMinuteSetting, DefaultRequestsPerMinute);
        if (perMinute < 1) throw new PortalConfigurationException($"{RequestsPerMinuteSetting} must be at least 1 (it is {perMinute}).");
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p
            .AllowAnyOrigin().WithMethods("GET", "HEAD").AllowAnyHeader()
            .WithExposedHeaders("ETag", "Retry-After").SetPreflightMaxAge(TimeSpan.FromHours(1))));
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after))
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }
}
