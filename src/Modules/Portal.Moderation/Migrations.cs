using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.DataMigrations;
using Portal.Core.Settings;
using Portal.Moderation.Services;
using Portal.Moderation.Settings;

namespace Portal.Moderation;

/// <summary>The moderation module's data: the workflows are set by recipes; this brings older sites along.</summary>
public sealed class Migrations(WorkflowStore workflows, FreshnessSettingsStore freshness, PortalDbContext db) : DataMigration
{
    /// <summary>Version 1 (four eyes): on sites set up before it, approving needs another person, as the base recipe now says.</summary>
    public override async Task<int> CreateAsync()
    {
        var document = await workflows.GetAsync();
        var approvals = document.Workflows.SelectMany(w => w.Transitions).Where(t => t.Name == "approve").ToList();
        if (approvals.Count == 0) return 1;
        foreach (var transition in approvals) transition.RequiresOtherPerson = true;
        await workflows.SaveAsync(document);
        return 1;
    }

    /// <summary>Version 2: the freshness limit, which sites set up before it kept in the site settings, moves to the module's own document.</summary>
    public async Task<int> UpdateFrom1Async()
    {
        var moved = await freshness.FromSiteSettingsAsync(() =>
            db.Documents.AsNoTracking().Where(d => d.Key == DocumentKeys.SiteSettings).Select(d => d.Json).SingleOrDefaultAsync());
        if (moved is not null) await freshness.SaveAsync(moved);
        return 2;
    }
}
