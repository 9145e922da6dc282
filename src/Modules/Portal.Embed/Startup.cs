using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Core.Modules;
using Portal.Embed.Data;
using Portal.Embed.Services;

namespace Portal.Embed;

public sealed class Startup : IModuleStartup
{
    public const string OpenApiPath = "/api/openapi.json";

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<EmbedDbContext, SqliteEmbedDbContext, PostgresEmbedDbContext>();
        services.AddScoped<WidgetStore>();
        services.AddScoped<WidgetUsage>();
        services.AddScoped<WidgetRenderer>();
        services.AddPermissions<Permissions>();
        services.AddScoped<IAdminMenu, AdminMenu>();
        services.AddRouteTable(ApiPageRoutes.Table);
        services.AddScoped<ISiteNavigation, ApiPageNavigation>();
        services.AddScoped<ISitemapSource, ApiPageNavigation>();
        // The open API's description: every public GET under /api (the read endpoints), with their typed answers.
        services.AddOpenApi(o =>
        {
            o.ShouldInclude = d => d.HttpMethod == "GET" && d.RelativePath is { } path && path.StartsWith("api/", StringComparison.Ordinal);
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Portal open API";
                document.Info.Version = "1";
                document.Info.Description = "Read-only, anonymous, open to any origin (CORS without credentials), rate-limited per address (429 with Retry-After). Answers carry an ETag: send it back in If-None-Match for a 304.";
                return Task.CompletedTask;
            });
        });
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapOpenApi(OpenApiPath).AllowAnonymous().RequireCors(PublicApi.CorsPolicy).RequireRateLimiting(PublicApi.RateLimitPolicy);
}
