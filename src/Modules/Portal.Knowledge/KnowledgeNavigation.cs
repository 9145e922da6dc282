using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;

namespace Portal.Knowledge;

/// <summary>The inspiring projects in the main menu; the cross-border guide and its glossary in the footer.</summary>
public sealed class KnowledgeNavigation(IStringLocalizer<KnowledgeNavigation> T) : ISiteNavigation
{
    public Task<IEnumerable<NavigationItem>> GetItemsAsync(string culture) => Task.FromResult<IEnumerable<NavigationItem>>(
    [
        new(T["Inspiring projects"], KnowledgeTypes.PathOf(KnowledgeTypes.GoodPractices, culture), NavigationArea.Main, 75),
        new(T["Ageing well on each side of the border"], KnowledgeTypes.PathOf(KnowledgeTypes.Guide, culture), NavigationArea.Footer, 40),
        new(T["Glossary"], KnowledgeTypes.PathOf(KnowledgeTypes.Glossary, culture), NavigationArea.Footer, 41),
    ]);
}

/// <summary>The requests to replicate a project, with the number waiting, for those who review submissions.</summary>
public sealed class KnowledgeAdminMenu(Data.KnowledgeDbContext knowledge, IStringLocalizer<KnowledgeAdminMenu> T) : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems()
    {
        var waiting = knowledge.ReplicationRequests.Count(r => r.Status == Data.ReplicationStatus.Pending);
        return [new(waiting == 0 ? T["Replication requests"].Value : T["Replication requests ({0} waiting)", waiting].Value,
            "/admin/replication-requests", Portal.Moderation.Permissions.ReviewSubmissions, 155)];
    }
}

/// <summary>On the back-office dashboard: the replication requests waiting for a moderator.</summary>
public sealed class KnowledgeDashboard(Services.ReplicationRequests requests, IStringLocalizer<KnowledgeDashboard> T) : IDashboardCards
{
    public async Task<IEnumerable<DashboardCard>> GetAsync()
    {
        var waiting = await requests.PendingCountAsync();
        return waiting == 0 ? [] : [new(T["Replication requests: {0} waiting for a moderator", waiting], "/admin/replication-requests", Portal.Moderation.Permissions.ReviewSubmissions)];
    }
}
