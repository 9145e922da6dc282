using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Core.Modules;
using Portal.Network.Data;
using Portal.Network.Services;

namespace Portal.Network;

public sealed class Startup : IModuleStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddRouteTable(NetworkRoutes.Table);
        services.AddModuleDbContext<NetworkDbContext, SqliteNetworkDbContext, PostgresNetworkDbContext>();
        var section = configuration.GetSection("Portal:Network");
        services.Configure<NetworkOptions>(section);
        // Without a list in the settings, the directory's entries carry the details.
        if (!section.GetSection(nameof(NetworkOptions.DetailTypes)).GetChildren().Any())
            services.PostConfigure<NetworkOptions>(o => o.DetailTypes.AddRange([Portal.Directory.DirectoryTypes.Actor, Portal.Directory.DirectoryTypes.Action, Portal.Directory.DirectoryTypes.AidantSupport]));
        services.AddScoped<Organisations>();
        services.AddScoped<ProfessionalApplications>();
        services.AddScoped<Members>();
        services.AddScoped<NetworkDirectory>();
        services.AddScoped<ContactRelay>();
        services.AddScoped<StaffInvitations>();
        services.AddScoped<EntryDetails>();
        services.AddScoped<IContentItemSection, EntryDetailsSection>();
        services.AddScoped<NetworkRetention>();
        services.AddHostedService<NetworkRetentionService>();
        services.AddScoped<ISiteNavigation, NetworkNavigation>();
        services.AddScoped<ISitemapSource, NetworkNavigation>();
        services.AddScoped<IAdminMenu, NetworkAdminMenu>();
        services.AddScoped<IDashboardCards, NetworkDashboard>();
        services.AddSingleton<ApplicationLimit>();
    }
}
