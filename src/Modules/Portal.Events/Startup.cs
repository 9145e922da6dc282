using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Content.Parts;
using Portal.Core.Data;
using Portal.Events.Controllers;
using Portal.Events.Data;
using Portal.Events.Handlers;
using Portal.Core.Hosting;
using Portal.Core.Modules;
using Portal.Events.Fields;
using Portal.Events.Recipes;
using Portal.Events.Search;
using Portal.Events.Services;
using Portal.Moderation.Services;
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
        services.AddScoped<ISitemapSource, AgendaNavigation>();
        services.Configure<SearchOptions>(EventSearch.Configure);
        services.AddScoped<ISearchIndexContributor, EventDates>();
        services.AddRecipeStep<EventSamplesStep>();
        services.AddModuleDbContext<EventsDbContext, SqliteEventsDbContext, PostgresEventsDbContext>();
        services.Configure<EventsOptions>(configuration.GetSection(EventsOptions.Section));
        services.AddSingleton<RegistrationTokens>();
        services.AddScoped<RegistrationMails>();
        services.AddScoped<EventRegistrations>();
        services.AddScoped<RegistrationPanels>();
        services.AddScoped<RegistrationJobs>();
        services.AddScoped<OrganiserRegistrants>();
        services.AddScoped<RegistrationClosing>();
        services.AddScoped<OrganiserDesk>();
        services.AddHostedService<RegistrationJobService>();
        services.AddContentHandler<EventCancellationHandler>();
        // Partners propose and update their organisation's events in their space, through the moderation workflow.
        services.AddPartnerType(new PartnerType(EventTypes.Event, EventTypes.Fields.Organiser, T => T["Add an event"])
        {
            Heading = T => T["Your events"], HiddenFields = [EventTypes.Fields.Sample], Verifiable = false,
        });
        var perHour = configuration.GetValue("Portal:Events:RegistrationsPerHour", 20);
        services.AddRateLimiter(o => o.AddPolicy(RegistrationController.RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })));
    }
}
