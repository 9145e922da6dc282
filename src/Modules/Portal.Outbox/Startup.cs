using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;
using Portal.Core.Localization;
using Portal.Core.Modules;
using Portal.Outbox.Services;

namespace Portal.Outbox;

public sealed class Startup : IModuleStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions<Permissions>();
        services.AddScoped<IAdminMenu, OutboxAdminMenu>();
        services.AddScoped<IDashboardCards, OutboxDashboard>();
        services.AddScoped<OutboxMessages>();
        services.AddScoped<OutboxRetention>();
        services.AddHostedService<OutboxRetentionService>();
    }
}

public sealed class OutboxAdminMenu(IStringLocalizer<OutboxAdminMenu> T) : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() => [new(T["Outbox"], "/admin/outbox", Permissions.ManageOutbox, 900)];
}

/// <summary>Tells the administrator on the dashboard that messages could not be sent.</summary>
public sealed class OutboxDashboard(OutboxMessages outbox, IStringLocalizer<OutboxDashboard> T) : IDashboardCards
{
    public async Task<IEnumerable<DashboardCard>> GetAsync()
    {
        var failed = (await outbox.CountsAsync()).GetValueOrDefault(Portal.Core.BackgroundTasks.BackgroundTaskStatus.Failed);
        return failed == 0 ? [] : [new(T.Plural(failed, "Outbox: {0} message could not be sent", "Outbox: {0} messages could not be sent"), "/admin/outbox?status=Failed", Permissions.ManageOutbox, Urgent: true)];
    }
}
