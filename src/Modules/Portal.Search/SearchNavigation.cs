using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;

namespace Portal.Search;

public sealed class SearchNavigation(IStringLocalizer<SearchNavigation> T) : ISiteNavigation, ISitemapSource
{
    public IEnumerable<IReadOnlyDictionary<string, string>> GetPages(IReadOnlyList<string> cultures) => [SitemapPages.Of(cultures, Controllers.SearchController.PathOf)];

    public Task<IEnumerable<NavigationItem>> GetItemsAsync(string culture) =>
        Task.FromResult<IEnumerable<NavigationItem>>([new(T["Search"], Controllers.SearchController.PathOf(culture), NavigationArea.Main, 40)]);
}
