using Portal.Core.Content;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content.Parts;
using Portal.Core.Hosting;
using Portal.Core.Modules;
using Portal.Directory.Handlers;
using Portal.Directory.Search;
using Portal.Directory.Services;
using Portal.Search.Indexing;
using Portal.Search.Services;

namespace Portal.Directory;

public sealed class Startup : IModuleStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddRouteTable(DirectoryRouteTable.Table);
        services.AddDataMigration<Migrations>();
        services.AddContentHandler<DirectoryEntryHandler>();
        services.AddSingleton<IAutoroutePrefix, DirectoryRoutes>();
        services.AddScoped<DirectoryPresenter>();
        services.AddContentJournalObserver<ActorOffers>();
        services.AddMemoryCache();
        services.AddScoped<ISiteNotice, SampleDataNotice>();
        services.AddScoped<DirectoryNavigation>();
        services.AddScoped<ISiteNavigation>(sp => sp.GetRequiredService<DirectoryNavigation>());
        services.AddScoped<ISitemapSource>(sp => sp.GetRequiredService<DirectoryNavigation>());
        services.Configure<SearchOptions>(DirectorySearch.Configure);
        services.AddScoped<ISearchIndexContributor, DirectoryPlaces>();
        services.AddScoped<ISearchIndexContributor, DirectoryPrintDetails>();
        services.AddScoped<Portal.Search.Places.IPlaceContributor, DirectoryGazetteer>();
        services.AddScoped<ISearchBrowseLinks, DirectoryBrowseLinks>();
        services.AddScoped<IHomeSection, FeaturedActions>();
        services.AddScoped<Portal.Core.Content.IContentEditorAction, LocateAtCommune>();
    }
}
