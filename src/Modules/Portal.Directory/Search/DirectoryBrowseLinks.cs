using Portal.Directory.Services;
using Portal.Search.Indexing;

namespace Portal.Directory.Search;

/// <summary>When a search finds nothing, the directory's three lists, as the main menu names them.</summary>
public sealed class DirectoryBrowseLinks(DirectoryNavigation navigation) : ISearchBrowseLinks
{
    public async Task<IEnumerable<BrowseLink>> GetLinksAsync(string culture) =>
        (await navigation.GetItemsAsync(culture)).Select(i => new BrowseLink(i.Text, i.Url));
}
