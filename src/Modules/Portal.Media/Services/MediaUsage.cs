using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Media.Services;

/// <summary>An item that names a file: its latest or its published version holds the file's id.</summary>
public sealed record MediaUser(string ContentItemId, string ContentType, string DisplayText, string Culture, bool Published);

public sealed class MediaUsage(PortalDbContext db)
{
    /// <summary>Ids are 26 random characters, so finding one in an item's stored fields is finding a reference to it.</summary>
    public async Task<IReadOnlyList<MediaUser>> WhereUsedAsync(string mediaId)
    {
        var rows = await db.ContentItems.AsNoTracking()
            .Where(i => (i.Latest || i.Published) && i.Content.Contains(mediaId))
            .Select(i => new { i.ContentItemId, i.ContentType, i.DisplayText, i.Culture, i.Published, i.Latest })
            .ToListAsync();
        return rows.GroupBy(r => r.ContentItemId)
            .Select(g =>
            {
                var latest = g.OrderByDescending(r => r.Latest).First();
                return new MediaUser(latest.ContentItemId, latest.ContentType, latest.DisplayText, latest.Culture, g.Any(r => r.Published));
            })
            .OrderBy(u => u.DisplayText, StringComparer.CurrentCulture).ToList();
    }
}
