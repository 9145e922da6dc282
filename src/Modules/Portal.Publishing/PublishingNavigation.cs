using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Core.Data;
using Portal.Core.Hosting;

namespace Portal.Publishing;

/// <summary>
/// The news list in the main menu; pages with a menu position in the main menu, those with a footer position in the
/// footer (the legal pages), and the site map page last.
/// </summary>
public sealed class PublishingNavigation(PortalDbContext db, MenuPages menuPages, IStringLocalizer<PublishingNavigation> T) : ISiteNavigation
{
    public async Task<IEnumerable<NavigationItem>> GetItemsAsync(string culture)
    {
        var items = new List<NavigationItem> { new(T["News"], $"/{culture}/{PublishingTypes.NewsSegment(culture)}", NavigationArea.Main, 60) };
        foreach (var page in await menuPages.GetAsync(db, culture))
        {
            if (page.MenuOrder is { } menu) items.Add(new(page.Title, $"/{culture}/{page.Path}", NavigationArea.Main, 100 + menu));
            if (page.FooterOrder is { } footer) items.Add(new(page.Title, $"/{culture}/{page.Path}", NavigationArea.Footer, footer));
        }
        items.Add(new(T["Site map"], $"/{culture}/{PublishingTypes.SiteMapSegment(culture)}", NavigationArea.Footer, 1000));
        return items;
    }

    public static async Task<List<ContentItem>> PagesAsync(PortalDbContext db, string culture) =>
        await db.ContentItems.AsNoTracking()
            .Where(i => i.Published && i.ContentType == PublishingTypes.Page && i.Path != null && (i.Culture == culture || i.Culture == ""))
            .OrderBy(i => i.DisplayText).ToListAsync();
}
