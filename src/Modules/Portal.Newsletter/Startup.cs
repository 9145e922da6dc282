using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content.Parts;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Core.Modules;
using Portal.Newsletter.Controllers;
using Portal.Newsletter.Data;
using Portal.Newsletter.Services;

namespace Portal.Newsletter;

public sealed class Startup : IModuleStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddRouteTable(NewsletterRoutes.Table);
        services.AddDataMigration<Migrations>();
        services.AddSingleton<IAutoroutePrefix, CampaignRoutes>();
        services.AddModuleDbContext<NewsletterDbContext, SqliteNewsletterDbContext, PostgresNewsletterDbContext>();
        services.AddPermissions<Permissions>();
        services.AddModuleSettings<NewsletterSettingsStore>();
        services.AddScoped<SubscriberLinks>();
        services.AddScoped<Subscriptions>();
        services.AddScoped<EditionContent>();
        services.AddScoped<Editions>();
        services.AddScoped<EditionMail>();
        services.AddScoped<EditionDispatch>();
        services.AddBackgroundTaskHandler<EditionBatchHandler>();
        services.AddHostedService<NewsletterRetentionService>();
        services.AddScoped<IAdminMenu, NewsletterAdminMenu>();
        services.AddScoped<IHomeSection, NewsletterHomeSection>();
        services.AddScoped<ISitemapSource, NewsletterSitemap>();
        var perHour = configuration.GetValue("Portal:Newsletter:SignUpsPerHour", 10);
        services.AddRateLimiter(o => o.AddPolicy(NewsletterController.RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })));
    }
}
