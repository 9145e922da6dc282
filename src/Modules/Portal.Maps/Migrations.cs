using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.DataMigrations;
using Portal.Core.Settings;
using Portal.Maps.Settings;

namespace Portal.Maps;

/// <summary>Version 1: the map settings, which sites set up before it kept in the site settings, move to the module's own document.</summary>
public sealed class Migrations(MapSettingsStore settings, PortalDbContext db) : DataMigration
{
    public override async Task<int> CreateAsync()
    {
        var moved = await settings.FromSiteSettingsAsync(() =>
            db.Documents.AsNoTracking().Where(d => d.Key == DocumentKeys.SiteSettings).Select(d => d.Json).SingleOrDefaultAsync());
        if (moved is not null) await settings.SaveAsync(moved);
        return 1;
    }
}
