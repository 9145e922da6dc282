using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Hosting;

namespace Portal.Directory.Services;

/// <summary>Tells every visitor that the directory holds sample data, for as long as any published entry is marked so.</summary>
public sealed class SampleDataNotice(PortalDbContext db, IMemoryCache cache, IStringLocalizer<SampleDataNotice> T) : ISiteNotice
{
    private const string Marker = "\"Sample\":{\"Value\":true}";

    public async Task<string?> GetAsync(string culture)
    {
        // Looked up once a minute: a text search over the published items is too costly for every page.
        var any = await cache.GetOrCreateAsync("directory:sample-data", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return db.ContentItems.AsNoTracking().AnyAsync(i => i.Published && i.Content.Contains(Marker));
        });
        return any ? T["This site shows sample data: the entries marked as such do not describe real offers."].Value : null;
    }
}
