using Microsoft.Extensions.Localization;
using Portal.Core.Hosting;

namespace Portal.Directory.Services;

/// <summary>The three directory lists in the main menu.</summary>
public sealed class DirectoryNavigation(IStringLocalizer<DirectoryNavigation> T) : ISiteNavigation, ISitemapSource
{
    public IEnumerable<IReadOnlyDictionary<string, string>> GetPages(IReadOnlyList<string> cultures) =>
        new[] { DirectoryTypes.Actor, DirectoryTypes.Action, DirectoryTypes.AidantSupport }.Select(type => SitemapPages.Of(cultures, c => $"/{c}/{DirectoryTypes.Segment(type, c)}"));


    public Task<IEnumerable<NavigationItem>> GetItemsAsync(string culture) => Task.FromResult<IEnumerable<NavigationItem>>(
    [
        new(T["Organisations"], $"/{culture}/{DirectoryTypes.Segment(DirectoryTypes.Actor, culture)}", NavigationArea.Main, 10),
        new(T["Activities and services"], $"/{culture}/{DirectoryTypes.Segment(DirectoryTypes.Action, culture)}", NavigationArea.Main, 20),
        new(T["Support for caregivers"], $"/{culture}/{DirectoryTypes.Segment(DirectoryTypes.AidantSupport, culture)}", NavigationArea.Main, 30),
    ]);
}
