using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content.Parts;
using Portal.Core.Hosting;
using Portal.Core.Modules;
using Portal.Resources.Recipes;
using Portal.Resources.Services;
using Portal.Search.Indexing;

namespace Portal.Resources;

public sealed class Startup : IModuleStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddRouteTable(ResourceTypes.Routes);
        services.AddDataMigration<Migrations>();
        services.AddContentHandler<ResourceHandler>();
        services.AddSingleton<IAutoroutePrefix, ResourceRoutes>();
        services.AddMemoryCache();
        services.AddSingleton<DocumentText>();
        services.AddScoped<ResourceLibrary>();
        services.AddScoped<RelatedResources>();
        services.AddScoped<ISearchIndexContributor, ResourceDocumentContributor>();
        services.AddScoped<ISearchHitPassages, ResourceHitPassages>();
        services.Configure<Portal.Search.Services.SearchOptions>(o => { if (!o.IndexedTypes.Contains(ResourceTypes.Resource)) o.IndexedTypes.Add(ResourceTypes.Resource); });
        services.AddScoped<ISiteNavigation, ResourcesNavigation>();
        services.AddScoped<ISitemapSource, ResourcesNavigation>();
        services.AddRecipeStep<ResourceSamplesStep>();
    }
}
