using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Core.Modules;
using Portal.Embed.Data;
using Portal.Embed.Services;

namespace Portal.Embed;

public sealed class Startup : IModuleStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<EmbedDbContext, SqliteEmbedDbContext, PostgresEmbedDbContext>();
        services.AddScoped<WidgetStore>();
        services.AddScoped<WidgetUsage>();
        services.AddScoped<WidgetRenderer>();
        services.AddPermissions<Permissions>();
        services.AddScoped<IAdminMenu, AdminMenu>();
    }
}
