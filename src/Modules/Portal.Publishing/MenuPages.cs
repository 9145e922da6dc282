using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Core.Data;

namespace Portal.Publishing;

/// <summary>A published page with a place in the main menu or in the footer: what the menus show of it.</summary>
public sealed record MenuPage(string Title, string Path, int? MenuOrder, int? FooterOrder);

/// <summary>
/// The pages of each culture's menus, read once and kept in memory, read again when the content journal reports a page
/// published, unpublished or deleted (on any node): every public page draws its menus without a database command.
/// </summary>
public sealed class MenuPages(IServiceProvider services) : IContentJournalObserver
{
    private readonly ReadModelCache<IReadOnlyList<MenuPage>> _byCulture = new(services);

    public Task<IReadOnlyList<MenuPage>> GetAsync(PortalDbContext db, string culture) =>
        db.InTransaction ? LoadAsync(db, culture) : _byCulture.GetAsync(culture, () => LoadAsync(db, culture));

    private static async Task<IReadOnlyList<MenuPage>> LoadAsync(PortalDbContext db, string culture)
    {
        var pages = new List<MenuPage>();
        foreach (var page in await PublishingNavigation.PagesAsync(db, culture))
        {
            var part = page.Part(PublishingTypes.Page);
            var menu = FieldValues.Decimal(part?["MenuOrder"], "Value");
            var footer = FieldValues.Decimal(part?["FooterOrder"], "Value");
            if (menu is not null || footer is not null) pages.Add(new MenuPage(page.DisplayText, page.Path!, (int?)menu, (int?)footer));
        }
        return pages;
    }

    public Task OnChangesAsync(IReadOnlyList<ContentChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Any(c => ContentChangeKind.IsContent(c.Kind) && c.ContentType == PublishingTypes.Page)) _byCulture.Clear();
        return Task.CompletedTask;
    }
}
