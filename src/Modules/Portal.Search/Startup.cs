using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Hosting;
using Portal.Core.Modules;
using Portal.Core.Content.Fields;
using Portal.Search.Indexing;
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
        foreach (var textType in new[] { "Text", "Markdown", "Html" })
            services.AddScoped<ISearchFieldContributor>(sp => new TextFieldContributor(sp.GetServices<IContentFieldType>().First(f => f.Name == textType)));
        services.AddScoped<ISearchFieldContributor, TaxonomyTermsContributor>();
        services.AddScoped<ISearchFieldContributor, ContentPickerContributor>();
        services.AddScoped<ISearchFieldContributor, GeoPointContributor>();
        services.AddScoped<ISearchFieldContributor, VerifiedDateContributor>();
        services.AddScoped<SearchService>();
        services.AddScoped<PlaceSearch>();
        services.AddSingleton<Places.Gazetteer>();
        services.AddSingleton<Places.IGazetteer>(sp => sp.GetRequiredService<Places.Gazetteer>());
        services.AddSingleton<Synonyms.SynonymCache>();
        services.AddScoped<Synonyms.SynonymStore>();
        services.AddRecipeStep<Synonyms.SynonymsStep>();
        services.AddScoped<RelatedTerms>();
        services.AddSingleton<Suggestions.TermCatalogue>();
        services.AddScoped<Suggestions.IPlaceSuggestionSource, Suggestions.GazetteerPlaceSuggestionSource>();
        services.AddScoped<Suggestions.SuggestionService>();
        services.Configure<Insights.SearchInsightsOptions>(configuration.GetSection("Portal:Search:Insights"));
        services.AddSingleton<Insights.SearchInsightsRecorder>();
        services.AddScoped<Insights.SearchInsightsStore>();
        services.AddSingleton(new Portal.Core.Settings.UnfollowedDocuments(Insights.SearchInsightsStore.Prefix));
        services.AddSingleton<Insights.SearchInsightsJob>();
        services.AddHostedService(sp => sp.GetRequiredService<Insights.SearchInsightsJob>());
        services.AddSingleton<IPortalCommand, SearchCommand>();
        services.AddPermissions<Permissions>();
        services.AddScoped<IAdminMenu, AdminMenu>();
        services.AddScoped<ISiteNavigation, SearchNavigation>();
        services.AddScoped<ISitemapSource, SearchNavigation>();
    }
}
