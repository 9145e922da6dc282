using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;
using Portal.Network.Services;

namespace Portal.Network;

/// <summary>The professionals' network in the footer and in the sitemap.</summary>
public sealed class NetworkNavigation(IStringLocalizer<NetworkNavigation> T) : ISiteNavigation, ISitemapSource
{
    public IEnumerable<IReadOnlyDictionary<string, string>> GetPages(IReadOnlyList<string> cultures) =>
        [SitemapPages.Of(cultures, NetworkRoutes.PathOf), SitemapPages.Of(cultures, c => NetworkRoutes.PathOf(NetworkRoutes.Apply, c))];

    public Task<IEnumerable<NavigationItem>> GetItemsAsync(string culture) => Task.FromResult<IEnumerable<NavigationItem>>(
        [new(T["Professionals' network"], NetworkRoutes.PathOf(culture), NavigationArea.Footer, 820)]);
}

/// <summary>The applications waiting, in the back office's menu and on its dashboard, for those who review submissions.</summary>
public sealed class NetworkAdminMenu(Data.NetworkDbContext network, IStringLocalizer<NetworkAdminMenu> T) : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems()
    {
        var waiting = network.Professionals.Count(p => p.Status == Data.ProfessionalStatus.Pending);
        return [new(waiting == 0 ? T["Professional accounts"].Value : T["Professional accounts ({0} waiting)", waiting].Value,
            "/admin/network/applications", Portal.Moderation.Permissions.ReviewSubmissions, 156)];
    }
}

public sealed class NetworkDashboard(ProfessionalApplications applications, IStringLocalizer<NetworkDashboard> T) : IDashboardCards
{
    public async Task<IEnumerable<DashboardCard>> GetAsync()
    {
        var waiting = await applications.PendingCountAsync();
        return waiting == 0 ? [] : [new(T["Professional accounts: {0} applications waiting for a moderator", waiting], "/admin/network/applications", Portal.Moderation.Permissions.ReviewSubmissions)];
    }
}
