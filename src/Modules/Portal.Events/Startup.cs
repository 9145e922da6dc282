using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content.Parts;
using Portal.Core.Hosting;
using Portal.Core.Modules;
using Portal.Events.Fields;
using Portal.Events.Recipes;
using Portal.Events.Search;
using Portal.Events.Services;
using Portal.Search.Indexing;
using Portal.Search.Services;

namespace Portal.Events;

public sealed class Startup : IModuleStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddRouteTable(EventsRouteTable.Table);
        services.AddDataMigration<Migrations>();
        services.AddContentField<EventSessionsFieldType>();
        services.AddSingleton<IAutoroutePrefix, EventRoutes>();
        services.AddScoped<Agenda>();
        services.AddScoped<EventPresenter>();
        services.AddScoped<EventCalendar>();
        services.AddScoped<ISiteNavigation, AgendaNavigation>();
        services.Configure<SearchOptions>(EventSearch.Configure);
        services.AddScoped<ISearchIndexContributor, EventDates>();
        services.AddRecipeStep<EventSamplesStep>();
    }
}
