using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;

namespace Portal.Events.Services;

/// <summary>The agenda in the main menu.</summary>
public sealed class AgendaNavigation(IStringLocalizer<AgendaNavigation> T) : ISiteNavigation
{
    public Task<IEnumerable<NavigationItem>> GetItemsAsync(string culture) => Task.FromResult<IEnumerable<NavigationItem>>(
    [
        new(T["Agenda"], EventsRouteTable.Table.Path(EventsRouteTable.Agenda, culture), NavigationArea.Main, 35),
    ]);
}
