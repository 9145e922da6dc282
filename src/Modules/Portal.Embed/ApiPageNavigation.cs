using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;
using Portal.Embed.Controllers;

namespace Portal.Embed;

/// <summary>The "Data and API" page: in the footer next to the open data, and in the sitemap in every language.</summary>
public sealed class ApiPageNavigation(IStringLocalizer<ApiPageNavigation> T) : ISiteNavigation, ISitemapSource
{
    public IEnumerable<IReadOnlyDictionary<string, string>> GetPages(IReadOnlyList<string> cultures) => [SitemapPages.Of(cultures, ApiPageController.PagePath)];

    public Task<IEnumerable<NavigationItem>> GetItemsAsync(string culture) =>
        Task.FromResult<IEnumerable<NavigationItem>>([new(T["Data and API"], ApiPageController.PagePath(culture), NavigationArea.Footer, 905)]);
}
