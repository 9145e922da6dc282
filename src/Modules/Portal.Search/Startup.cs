using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Hosting;
using Portal.Core.Modules;
using Portal.Search.Services;

namespace Portal.Search;

public sealed class Startup : IModuleStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddRouteTable(SearchRoutes.Table);
        services.Configure<SearchOptions>(configuration.GetSection("Portal:Search"));
        services.AddSingleton<SearchIndexManager>();
        services.AddHostedService<SearchIndexer>();
        services.AddScoped<SearchDocumentBuilder>();
        services.AddScoped<SearchService>();
        services.AddSingleton<IPortalCommand, SearchCommand>();
        services.AddPermissions<Permissions>();
        services.AddScoped<IAdminMenu, AdminMenu>();
        services.AddScoped<ISiteNavigation, SearchNavigation>();
    }
}
