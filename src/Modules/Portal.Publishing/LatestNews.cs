using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Hosting;

namespace Portal.Publishing;

/// <summary>A published news item's place in the lists: its culture and dates, without its content.</summary>
public sealed record NewsEntry(string ContentItemId, string Culture, DateTime? Date, DateTime? PublishedUtc);

/// <summary>
/// The order of every published news item (dates live in the items' JSON), read once and kept in memory, read again when
/// the content journal reports a news item published, unpublished or deleted: a list then reads only the items it shows.
/// </summary>
public sealed class NewsOrder(IServiceProvider services) : IContentJournalObserver
{
    private readonly ReadModelCache<IReadOnlyList<NewsEntry>> _all = new(services);

    /// <summary>Every published news item, newest first (by publication date, then by when it was published).</summary>
    public Task<IReadOnlyList<NewsEntry>> GetAsync(PortalDbContext db) =>
        db.InTransaction ? LoadAsync(db) : _all.GetAsync("all", () => LoadAsync(db));

    private static async Task<IReadOnlyList<NewsEntry>> LoadAsync(PortalDbContext db)
    {
        var all = await db.ContentItems.AsNoTracking()
            .Where(i => i.Published && i.ContentType == PublishingTypes.News && i.Path != null).ToListAsync();
        return all.OrderByDescending(i => NewsHandler.DateOf(i) ?? i.PublishedUtc).ThenByDescending(i => i.PublishedUtc)
            .Select(i => new NewsEntry(i.ContentItemId, i.Culture, NewsHandler.DateOf(i), i.PublishedUtc)).ToList();
    }

    public Task OnChangesAsync(IReadOnlyList<ContentChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Any(c => ContentChangeKind.IsContent(c.Kind) && c.ContentType == PublishingTypes.News)) _all.Clear();
        return Task.CompletedTask;
    }
}

/// <summary>The news of a culture, newest first (by publication date).</summary>
public sealed class NewsQueries(PortalDbContext db, NewsOrder order, PublishedContentReads published)
{
    public async Task<(IReadOnlyList<ContentItem> Items, int Total)> PageAsync(string culture, int page, int pageSize)
    {
        var entries = (await order.GetAsync(db)).Where(e => e.Culture == culture || e.Culture == "").ToList();
        var ids = entries.Skip(QueryValues.Offset(page, pageSize)).Take(pageSize).Select(e => e.ContentItemId).ToList();
        if (ids.Count == 0) return ([], entries.Count);
        var items = await published.ListAsync(db, "news|" + string.Join(',', ids), rows => rows.Where(i => i.Published && ids.Contains(i.ContentItemId)));
        return (ids.Select(id => items.FirstOrDefault(i => i.ContentItemId == id)).OfType<ContentItem>().ToList(), entries.Count);
    }
}

/// <summary>The three latest news on the home page.</summary>
public sealed class LatestNews(NewsQueries news) : IHomeSection
{
    public async Task<HomeBlock?> BuildAsync(string culture)
    {
        var (items, _) = await news.PageAsync(culture, 1, 3);
        return items.Count == 0 ? null : new HomeBlock("_LatestNews", new NewsBlockModel(items, culture), 20) { Shows = items.Select(i => i.ContentItemId).ToList() };
    }
}

public sealed record NewsBlockModel(IReadOnlyList<ContentItem> Items, string Culture);
