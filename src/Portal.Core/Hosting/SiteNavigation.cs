namespace Portal.Core.Hosting;

public enum NavigationArea { Main, Footer }

/// <summary>A link in the public header's main menu or in the footer.</summary>
public sealed record NavigationItem(string Text, string Url, NavigationArea Area, int Position);

/// <summary>A module's links in the public site's menus, in a culture (the theme draws them; modules know their addresses).</summary>
public interface ISiteNavigation
{
    Task<IEnumerable<NavigationItem>> GetItemsAsync(string culture);
}

/// <summary>A block of the public home page: a partial view and its model, placed by position.</summary>
public sealed record HomeBlock(string PartialName, object Model, int Position)
{
    /// <summary>The items the block shows, so that the home page does not list them a second time.</summary>
    public IReadOnlyCollection<string> Shows { get; init; } = [];
}

/// <summary>A module's block on the home page (latest news, featured actions, a map teaser), or null when it has nothing to show.</summary>
public interface IHomeSection
{
    Task<HomeBlock?> BuildAsync(string culture);
}

/// <summary>
/// A module's public pages for sitemap.xml, each as its address in every culture (culture code → path), so that the
/// sitemap lists every translation with reciprocal alternates. Content items with an address are listed by the sitemap itself.
/// </summary>
public interface ISitemapSource
{
    IEnumerable<IReadOnlyDictionary<string, string>> GetPages(IReadOnlyList<string> cultures);
}

public static class SitemapPages
{
    /// <summary>One page whose address in each culture is <paramref name="path"/>(culture).</summary>
    public static IReadOnlyDictionary<string, string> Of(IReadOnlyList<string> cultures, Func<string, string> path) => cultures.ToDictionary(c => c, path);
}
