using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;
using Portal.Tests.Moderation;

namespace Portal.Tests.Web;

/// <summary>
/// The checks a page-speed audit makes, without a network: text is compressed, fingerprinted files are kept a year,
/// a repeated request with the entity tag gets 304, HEAD answers wherever GET does, and the site has its icons.
/// </summary>
public sealed partial class HttpEfficiencyTests(HttpEfficiencyTests.DemoSite site) : IClassFixture<HttpEfficiencyTests.DemoSite>
{
    public sealed class DemoSite : IDisposable
    {
        public PortalFactory Factory { get; } = WorkflowTests.Site();
        public string Actor { get; }
        public string News { get; }

        public DemoSite()
        {
            Factory.CreateClient().Dispose();
            Actor = "/fr/" + Factory.WithDbAsync(db => db.ContentItems.Where(i => i.ContentItemId == "gr-actor-001-fr" && i.Published).Select(i => i.Path).SingleAsync()).GetAwaiter().GetResult();
            News = "/fr/" + Factory.WithDbAsync(db => db.ContentItems.Where(i => i.ContentItemId == "gr-news-1-fr" && i.Published).Select(i => i.Path).SingleAsync()).GetAwaiter().GetResult();
        }

        public void Dispose() => Factory.Dispose();
    }

    [GeneratedRegex("(?:href|src)=\"(/[^\"]+\\?v=[^\"]+)\"")]
    private static partial Regex VersionedAsset();

    /// <summary>One address of every kind of GET route: pages, lists, an entry, search, map, feeds, APIs, open data, files.</summary>
    private string[] EveryKind() =>
    [
        "/fr", "/de", "/fr/acteurs", "/de/akteure", "/fr/actions", site.Actor, site.News, "/fr/recherche?q=sport", "/fr/carte",
        "/fr/actualites", "/fr/actualites/rss.xml", "/fr/plan-du-site", "/fr/donnees-ouvertes", "/fr/proposer?type=Action",
        "/sitemap.xml", "/robots.txt", "/api/search?q=sport&culture=fr", "/api/search/suggest?q=spo&culture=fr", "/api/map.geojson?culture=fr",
        "/api/open-data/directory.geojson", "/api/open-data/data-inclusion/structures.json", "/api/content", "/health",
        "/favicon.ico", "/fr/manifest.webmanifest", "/admin/login",
    ];

    [Fact]
    public async Task Every_text_type_is_compressed_with_brotli_or_gzip()
    {
        using var visitor = site.Factory.CreateClient();
        var html = await visitor.GetStringAsync("/fr/carte");
        var assets = VersionedAsset().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
        assets.Should().Contain(a => a.Contains(".css")).And.Contain(a => a.Contains(".js"));
        assets = assets.Where(a => Regex.IsMatch(a, "\\.(css|js|svg)\\?")).ToList();
        var texts = new[] { "/fr", site.Actor, "/fr/recherche?q=sport", "/fr/actualites/rss.xml", "/sitemap.xml", "/api/search?q=sport&culture=fr", "/api/map.geojson?culture=fr", "/api/open-data/data-inclusion/services.json", "/fr/manifest.webmanifest" }.Concat(assets);
        foreach (var (encoding, expected) in new[] { ("br, gzip", "br"), ("gzip", "gzip") })
            foreach (var url in texts)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.AcceptEncoding.ParseAdd(encoding);
                using var response = await visitor.SendAsync(request);
                response.StatusCode.Should().Be(HttpStatusCode.OK, url);
                response.Content.Headers.ContentEncoding.Should().Equal([expected], $"{url} ({response.Content.Headers.ContentType}) asked with {encoding}");
                response.Headers.Vary.Should().Contain("Accept-Encoding", url);
            }
    }

    [Fact]
    public async Task Fingerprinted_assets_are_immutable_for_a_year_and_others_revalidate()
    {
        using var visitor = site.Factory.CreateClient();
        var assets = new List<string>();
        foreach (var page in new[] { "/fr", "/fr/carte", "/fr/recherche?q=sport", site.Actor, "/admin/login" })
            assets.AddRange(VersionedAsset().Matches(await visitor.GetStringAsync(page)).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
        assets = assets.Distinct().ToList();
        assets.Count.Should().BeGreaterThan(5);
        foreach (var asset in assets)
        {
            using var response = await visitor.GetAsync(asset);
            response.StatusCode.Should().Be(HttpStatusCode.OK, asset);
            var cache = response.Headers.CacheControl!;
            cache.Public.Should().BeTrue(asset);
            cache.MaxAge.Should().Be(TimeSpan.FromDays(365), asset);
            cache.Extensions.Should().Contain(e => e.Name == "immutable", asset);
        }
        var unversioned = assets.First(a => a.StartsWith("/_content/", StringComparison.Ordinal)).Split('?')[0];
        (await visitor.GetAsync(unversioned)).Headers.CacheControl!.NoCache.Should().BeTrue("a file asked without its version may change under the same address");
    }

    [Fact]
    public async Task A_repeated_request_with_the_entity_tag_gets_304_without_a_body()
    {
        using var visitor = site.Factory.CreateClient();
        var urls = new[] { "/fr/acteurs", site.Actor, site.News, "/fr/actualites/rss.xml", "/sitemap.xml", "/robots.txt", "/api/search?q=sport&culture=fr", "/api/map.geojson?culture=fr", "/api/open-data/directory.geojson", "/api/open-data/data-inclusion/services.json", "/api/content", "/fr/manifest.webmanifest", "/_content/Portal.Theme/css/site.css" };
        foreach (var url in urls)
        {
            using var first = await visitor.GetAsync(url);
            first.StatusCode.Should().Be(HttpStatusCode.OK, url);
            var tag = first.Headers.ETag;
            tag.Should().NotBeNull(url);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.IfNoneMatch.Add(tag!);
            using var again = await visitor.SendAsync(request);
            again.StatusCode.Should().Be(HttpStatusCode.NotModified, url);
            (await again.Content.ReadAsByteArrayAsync()).Should().BeEmpty(url);

            using var stale = new HttpRequestMessage(HttpMethod.Get, url);
            stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"", isWeak: true));
            (await visitor.SendAsync(stale)).StatusCode.Should().Be(HttpStatusCode.OK, url + " with another tag");
        }
    }

    [Fact]
    public async Task A_form_with_an_antiforgery_token_is_neither_tagged_nor_stored()
    {
        using var visitor = site.Factory.CreateClient();
        using var response = await visitor.GetAsync("/fr/proposer?type=Action");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Headers.ETag.Should().BeNull();
    }

    [Fact]
    public async Task Head_answers_wherever_get_does_without_a_body()
    {
        using var visitor = site.Factory.CreateClient();
        foreach (var url in EveryKind().Append("/_content/Portal.Theme/css/site.css"))
        {
            using var get = await visitor.GetAsync(url);
            get.StatusCode.Should().Be(HttpStatusCode.OK, "GET " + url);
            using var head = await visitor.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            head.StatusCode.Should().Be(HttpStatusCode.OK, "HEAD " + url);
            head.Content.Headers.ContentType?.MediaType.Should().Be(get.Content.Headers.ContentType?.MediaType, url);
            (await head.Content.ReadAsByteArrayAsync()).Should().BeEmpty("HEAD " + url);
        }
        (await visitor.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/fr/nulle-part"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_site_has_a_favicon_and_a_manifest_per_language()
    {
        using var visitor = site.Factory.CreateClient();
        using var icon = await visitor.GetAsync("/favicon.ico");
        icon.StatusCode.Should().Be(HttpStatusCode.OK);
        icon.Content.Headers.ContentType!.MediaType.Should().Be("image/x-icon");
        (await icon.Content.ReadAsByteArrayAsync()).Take(4).Should().Equal(0, 0, 1, 0);

        var html = await visitor.GetStringAsync("/de");
        html.Should().Contain("<link rel=\"manifest\" href=\"/de/manifest.webmanifest\">").And.Contain("rel=\"icon\"");
        using var manifest = JsonDocument.Parse(await visitor.GetStringAsync("/de/manifest.webmanifest"));
        manifest.RootElement.GetProperty("lang").GetString().Should().Be("de");
        manifest.RootElement.GetProperty("start_url").GetString().Should().Be("/de");
        manifest.RootElement.GetProperty("name").GetString().Should().NotBeNullOrWhiteSpace();
        foreach (var entry in manifest.RootElement.GetProperty("icons").EnumerateArray())
            (await visitor.GetAsync(entry.GetProperty("src").GetString())).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_root_redirect_varies_with_the_visitors_language()
    {
        using var visitor = site.Factory.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd("de-DE,de;q=0.9");
        using var response = await visitor.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be("/de");
        response.Headers.Vary.Should().Contain("Accept-Language");
    }
}
