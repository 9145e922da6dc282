using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Hosting;

namespace Portal.Publishing;

/// <summary>The news of a culture, newest first (by publication date).</summary>
public sealed class NewsQueries(PortalDbContext db)
{
    public async Task<(IReadOnlyList<ContentItem> Items, int Total)> PageAsync(string culture, int page, int pageSize)
    {
        // Dates live in the item's JSON: the list is read whole and ordered here (news are counted in hundreds, not millions).
        var all = await db.ContentItems.AsNoTracking()
            .Where(i => i.Published && i.ContentType == PublishingTypes.News && i.Path != null && (i.Culture == culture || i.Culture == ""))
            .ToListAsync();
        var ordered = all.OrderByDescending(i => NewsHandler.DateOf(i) ?? i.PublishedUtc).ThenByDescending(i => i.PublishedUtc).ToList();
        return (ordered.Skip(QueryValues.Offset(page, pageSize)).Take(pageSize).ToList(), ordered.Count);
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
