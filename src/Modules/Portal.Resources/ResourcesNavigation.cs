using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;

namespace Portal.Resources;

public sealed class ResourcesNavigation(IStringLocalizer<ResourcesNavigation> T) : ISiteNavigation, ISitemapSource
{
    public IEnumerable<IReadOnlyDictionary<string, string>> GetPages(IReadOnlyList<string> cultures) => [SitemapPages.Of(cultures, c => $"/{c}/{ResourceTypes.Segment(c)}")];

    public Task<IEnumerable<NavigationItem>> GetItemsAsync(string culture) =>
        Task.FromResult<IEnumerable<NavigationItem>>([new(T["Resources"], $"/{culture}/{ResourceTypes.Segment(culture)}", NavigationArea.Main, 70)]);
}
