using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;
using Portal.Core.Modules;
using Portal.Outbox.Services;

namespace Portal.Outbox;

public sealed class Startup : IModuleStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions<Permissions>();
        services.AddScoped<IAdminMenu, OutboxAdminMenu>();
        services.AddScoped<OutboxMessages>();
        services.AddScoped<OutboxRetention>();
        services.AddHostedService<OutboxRetentionService>();
    }
}

public sealed class OutboxAdminMenu(IStringLocalizer<OutboxAdminMenu> T) : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() => [new(T["Outbox"], "/admin/outbox", Permissions.ManageOutbox, 900)];
}
