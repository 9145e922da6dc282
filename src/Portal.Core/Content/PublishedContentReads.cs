using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Content;

/// <summary>
/// Reads of published content answered from memory: the rows a read returned are kept under the read's key and every
/// caller gets its own copies of them; all are dropped when the content journal reports a content item published,
/// unpublished or removed (on this node at the commit, on the others within the follower's poll). A page that shows
/// the same published items as the previous one (the home page's blocks, an entry's page) then runs no database
/// command. At most <see cref="Capacity"/> reads are kept, the oldest dropped first. Inside a transaction the database
/// is read (the transaction may hold rows of its own).
/// </summary>
public sealed class PublishedContentReads(IServiceProvider services) : IContentJournalObserver
{
    /// <summary>How many reads are kept (an entry's page is one read: thousands of pages visited keep the latest ones).</summary>
    public const int Capacity = 2000;

    private readonly ReadModelCache<IReadOnlyList<ContentItem>> _reads = new(services, Capacity);

    /// <summary>
    /// The published rows <paramref name="query"/> selects from <see cref="PortalDbContext.ContentItems"/>, read once for
    /// <paramref name="key"/> (which must name everything the query depends on: culture, address, identifiers).
    /// </summary>
    public async Task<List<ContentItem>> ListAsync(PortalDbContext db, string key, Func<IQueryable<ContentItem>, IQueryable<ContentItem>> query)
    {
        if (db.InTransaction) return await query(db.ContentItems.AsNoTracking()).ToListAsync();
        var rows = await _reads.GetAsync(key, async () =>
        {
            var read = await query(db.ContentItems.AsNoTracking()).ToListAsync();
            if (read.Any(r => !r.Published))
                throw new InvalidOperationException($"The read \"{key}\" returned rows that are not published: only published content is kept in memory.");
            return read;
        });
        return rows.Select(r => r.Clone()).ToList();
    }

    public Task OnChangesAsync(IReadOnlyList<ContentChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Any(c => ContentChangeKind.IsContent(c.Kind))) _reads.Clear();
        return Task.CompletedTask;
    }
}
