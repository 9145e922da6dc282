using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;

namespace Portal.Resources;

public sealed class ResourcesNavigation(IStringLocalizer<ResourcesNavigation> T) : ISiteNavigation
{
    public Task<IEnumerable<NavigationItem>> GetItemsAsync(string culture) =>
        Task.FromResult<IEnumerable<NavigationItem>>([new(T["Resources"], $"/{culture}/{ResourceTypes.Segment(culture)}", NavigationArea.Main, 70)]);
}
