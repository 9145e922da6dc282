using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Search.Engine;
using Portal.Search.Services;

namespace Portal.Directory.Services;

/// <summary>
/// On the home page: the activities most recently verified, the freshest information first. The verification date is
/// a sorted column of the search index, so the block reads the three it shows, whatever the size of the directory.
/// </summary>
public sealed class FeaturedActions(SearchIndexManager indexes, PortalDbContext db, PublishedContentReads published) : IHomeSection
{
    private const int Shown = 3;

    public async Task<HomeBlock?> BuildAsync(string culture)
    {
        var index = await indexes.GetAsync(culture);
        var query = new SearchQuery { Sort = SearchSort.Updated, PageSize = Shown, Filters = { [LuceneSearchIndex.TypeFacet] = [DirectoryTypes.Action] } };
        // Sorting every activity by date costs what the directory weighs: once per state of the index.
        var ids = index.Memo("featured-actions", i => i.Search(query).Hits.Select(h => h.Id).ToList());
        if (ids.Count == 0) return null;
        var items = await published.ListAsync(db, "featured-actions|" + string.Join(',', ids), rows => rows.Where(i => i.Published && ids.Contains(i.ContentItemId) && i.Path != null));
        var featured = ids.Select(id => items.FirstOrDefault(i => i.ContentItemId == id)).OfType<ContentItem>().ToList();
        return featured.Count == 0 ? null : new HomeBlock("_FeaturedActions", new FeaturedActionsModel(featured, culture), 10) { Shows = featured.Select(i => i.ContentItemId).ToList() };
    }
}

public sealed record FeaturedActionsModel(IReadOnlyList<ContentItem> Items, string Culture);
