using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;
using Portal.Search.Services;

namespace Portal.Maps;

public sealed class MapNavigation(IStringLocalizer<MapNavigation> T) : ISiteNavigation, ISitemapSource
{
    public IEnumerable<IReadOnlyDictionary<string, string>> GetPages(IReadOnlyList<string> cultures) => [SitemapPages.Of(cultures, Controllers.MapController.PathOf)];

    public Task<IEnumerable<NavigationItem>> GetItemsAsync(string culture) =>
        Task.FromResult<IEnumerable<NavigationItem>>([new(T["Map"], Controllers.MapController.PathOf(culture), NavigationArea.Main, 50)]);
}

/// <summary>On the home page: how many entries the map shows, and the way to it.</summary>
public sealed class MapTeaser(SearchService search) : IHomeSection
{
    public async Task<HomeBlock?> BuildAsync(string culture)
    {
        var located = await search.LocatedCountAsync(culture);
        return located == 0 ? null : new HomeBlock("_MapTeaser", new MapTeaserModel(located, Controllers.MapController.PathOf(culture)), 30);
    }
}

public sealed record MapTeaserModel(int Count, string Url);
