using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Hosting;
using Portal.Core.Modules;

namespace Portal.Maps;

public sealed class Startup : IModuleStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddRouteTable(MapRoutes.Table);
        services.Configure<MapOptions>(configuration.GetSection("Portal:Maps"));
        services.AddScoped<GeoJsonWriter>();
        services.AddModuleSettings<Settings.MapSettingsStore>();
        services.AddDataMigration<Migrations>();
        services.AddContentField<SearchMapFieldType>();
        services.AddScoped<ISiteNavigation, MapNavigation>();
        services.AddScoped<ISitemapSource, MapNavigation>();
        services.AddScoped<IHomeSection, MapTeaser>();
    }
}
