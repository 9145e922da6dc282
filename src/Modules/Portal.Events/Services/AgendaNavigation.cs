using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;

namespace Portal.Events.Services;

/// <summary>The agenda in the main menu.</summary>
public sealed class AgendaNavigation(IStringLocalizer<AgendaNavigation> T) : ISiteNavigation, ISitemapSource
{
    public IEnumerable<IReadOnlyDictionary<string, string>> GetPages(IReadOnlyList<string> cultures) =>
    [
        SitemapPages.Of(cultures, Controllers.AgendaController.PathOf),
        SitemapPages.Of(cultures, c => Controllers.AgendaController.PathOf(c) + "/" + EventsRouteTable.Table.Segment(EventsRouteTable.Archive, c)),
    ];


    public Task<IEnumerable<NavigationItem>> GetItemsAsync(string culture) => Task.FromResult<IEnumerable<NavigationItem>>(
    [
        new(T["Agenda"], EventsRouteTable.Table.Path(EventsRouteTable.Agenda, culture), NavigationArea.Main, 35),
    ]);
}
