using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content.Parts;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Core.Modules;
using Portal.Knowledge.Controllers;
using Portal.Knowledge.Data;
using Portal.Knowledge.Recipes;
using Portal.Knowledge.Services;
using Portal.Search.Services;

namespace Portal.Knowledge;

public sealed class Startup : IModuleStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddRouteTable(KnowledgeTypes.Routes);
        services.AddDataMigration<Migrations>();
        services.AddSingleton<IAutoroutePrefix, KnowledgeRoutes>();
        services.AddModuleDbContext<KnowledgeDbContext, SqliteKnowledgeDbContext, PostgresKnowledgeDbContext>();
        services.AddScoped<GoodPracticeLibrary>();
        services.AddScoped<KnowledgePresenter>();
        services.AddScoped<ReplicationRequests>();
        services.AddScoped<Glossary>();
        services.AddScoped<ISiteNavigation, KnowledgeNavigation>();
        services.AddScoped<IAdminMenu, KnowledgeAdminMenu>();
        services.AddScoped<IDashboardCards, KnowledgeDashboard>();
        services.AddRecipeStep<GlossarySynonymsStep>();
        services.Configure<SearchOptions>(o =>
        {
            foreach (var type in new[] { KnowledgeTypes.GoodPractice, KnowledgeTypes.GuideSide })
                if (!o.IndexedTypes.Contains(type)) o.IndexedTypes.Add(type);
        });
        var perHour = configuration.GetValue("Portal:Knowledge:ReplicationRequestsPerHour", 5);
        services.AddRateLimiter(o => o.AddPolicy(GoodPracticesController.RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })));
    }
}
