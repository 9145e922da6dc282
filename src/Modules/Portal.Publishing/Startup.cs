using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Content.Parts;
using Portal.Core.Hosting;
using Portal.Core.Modules;

namespace Portal.Publishing;

public sealed class Startup : IModuleStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddRouteTable(PublishingRoutes.Table);
        services.AddDataMigration<Migrations>();
        // Pages and news are searched, after the types other modules list.
        services.Configure<Portal.Search.Services.SearchOptions>(o => o.IndexedTypes.AddRange(new[] { PublishingTypes.Page, PublishingTypes.News }.Where(t => !o.IndexedTypes.Contains(t))));
        services.AddContentHandler<NewsHandler>();
        services.AddSingleton<IAutoroutePrefix, NewsRoutes>();
        services.AddScoped<NewsQueries>();
        services.AddContentJournalObserver<NewsOrder>();
        services.AddContentJournalObserver<MenuPages>();
        services.AddScoped<ISiteNavigation, PublishingNavigation>();
        services.AddScoped<IHomeSection, LatestNews>();
    }
}
