using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>Every public page has its own title and description, a canonical address and absolute language links.</summary>
public sealed partial class PageMetadataTests(SeededSite site) : IClassFixture<SeededSite>
{
    private const string Origin = "http://localhost";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9", Xhtml = "http://www.w3.org/1999/xhtml";

    [Fact]
    public async Task Every_page_of_the_sitemap_has_a_title_unique_in_its_culture_a_description_and_a_canonical_address()
    {
        using var client = site.Factory.CreateBrowser();
        var entries = await SitemapAsync(client);
        entries.Count.Should().BeGreaterThan(100, "the seeded site has hundreds of public pages");
        var failures = new List<string>();
        var titles = new Dictionary<string, string>();
        foreach (var (loc, _) in entries)
        {
            var path = loc[Origin.Length..];
            var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK) { failures.Add($"{path}: {(int)response.StatusCode}"); continue; }
            var html = await response.Content.ReadAsStringAsync();
            var culture = path.Split('/')[1];
            var title = Browser.Decode(TitleTag().Match(html).Groups[1].Value.Trim());
            if (title.Length == 0) failures.Add($"{path}: no title");
            else if (titles.TryGetValue(culture + "|" + title, out var other)) failures.Add($"{path}: same title as {other} ({title})");
            else titles[culture + "|" + title] = path;
            if (Meta(html, "name", "description") is not { Length: > 10 }) failures.Add($"{path}: no description");
            if (Link(html, "canonical").FirstOrDefault() != loc) failures.Add($"{path}: canonical {Link(html, "canonical").FirstOrDefault()}");
            if (Meta(html, "property", "og:title") is null || Meta(html, "property", "og:image")?.StartsWith(Origin, StringComparison.Ordinal) != true)
                failures.Add($"{path}: no Open Graph title or image");
            if (Link(html, "alternate").Any(href => !href.StartsWith(Origin + "/", StringComparison.Ordinal))) failures.Add($"{path}: a relative hreflang link");
        }
        failures.Should().BeEmpty();
        titles.Keys.Should().Contain(k => k.StartsWith("fr|", StringComparison.Ordinal)).And.Contain(k => k.StartsWith("de|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sitemap_lists_the_module_pages_in_every_culture_with_reciprocal_alternates()
    {
        using var client = site.Factory.CreateBrowser();
        var entries = await SitemapAsync(client);
        foreach (var path in new[] { "/fr/recherche", "/de/suche", "/fr/carte", "/de/karte", "/fr/proposer", "/de/vorschlagen", "/fr/donnees-ouvertes", "/fr/acteurs", "/de/akteure", "/fr/agenda" })
            entries.Should().ContainKey(Origin + path);
        var failures = new List<string>();
        foreach (var (loc, alternates) in entries.Where(e => e.Value.Count > 0))
        {
            if (alternates.GetValueOrDefault(loc.Split('/')[3]) != loc) failures.Add($"{loc} is not its own culture's alternate");
            if (!alternates.ContainsKey("x-default")) failures.Add($"{loc} has no x-default");
            foreach (var (lang, href) in alternates.Where(a => a.Key != "x-default"))
                if (!entries.TryGetValue(href, out var back) || back.GetValueOrDefault(loc.Split('/')[3]) != loc) failures.Add($"{href} ({lang}) does not lead back to {loc}");
        }
        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task An_entry_page_is_titled_by_its_heading_and_list_and_described_by_its_text()
    {
        using var client = site.Factory.CreateBrowser();
        var entries = await SitemapAsync(client);
        var entry = entries.Keys.First(k => k.StartsWith(Origin + "/fr/acteurs/", StringComparison.Ordinal));
        var html = await client.GetStringAsync(entry[Origin.Length..]);
        var heading = Browser.Decode(Regex.Match(html, "<h1>(.*?)</h1>").Groups[1].Value);
        Browser.Decode(TitleTag().Match(html).Groups[1].Value).Should().StartWith(heading + " · Acteurs · ");
        Meta(html, "property", "og:type").Should().Be("article");
    }

    private static async Task<Dictionary<string, Dictionary<string, string>>> SitemapAsync(HttpClient client)
    {
        var xml = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        return xml.Descendants(Sitemap + "url").ToDictionary(
            u => u.Element(Sitemap + "loc")!.Value,
            u => u.Elements(Xhtml + "link").ToDictionary(l => l.Attribute("hreflang")!.Value, l => l.Attribute("href")!.Value));
    }

    private static string? Meta(string html, string attribute, string name) =>
        Regex.Match(html, $"<meta {attribute}=\"{Regex.Escape(name)}\" content=\"([^\"]*)\"") is { Success: true } m ? Browser.Decode(m.Groups[1].Value) : null;

    private static IEnumerable<string> Link(string html, string rel) =>
        Regex.Matches(html, $"<link rel=\"{rel}\"(?: hreflang=\"[^\"]*\")? href=\"([^\"]*)\"").Select(m => Browser.Decode(m.Groups[1].Value));

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex TitleTag();
}
