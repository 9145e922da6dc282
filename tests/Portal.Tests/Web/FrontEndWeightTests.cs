using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;
using Portal.Tests.Moderation;
using Xunit.Abstractions;

namespace Portal.Tests.Web;

/// <summary>
/// What a page makes the browser fetch: pages without a map load no map code, pages with one load Leaflet only when
/// the map comes into view (map-loader.js), and the weight of each page kind (HTML + CSS + JS, as sent with Brotli).
/// </summary>
public sealed partial class FrontEndWeightTests(FrontEndWeightTests.DemoSite site, ITestOutputHelper output) : IClassFixture<FrontEndWeightTests.DemoSite>
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

    [GeneratedRegex("<(?:link[^>]*rel=\"stylesheet\"[^>]*href|script[^>]*src)=\"([^\"]+)\"")]
    private static partial Regex Assets();

    private static IEnumerable<string> AssetsOf(string html) => Assets().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct();

    private (string Kind, string Url)[] WithoutMap() =>
    [
        ("home", "/fr"), ("list", "/fr/acteurs"), ("search", "/fr/recherche?q=sport"), ("news list", "/fr/actualites"), ("news item", site.News),
        ("proposal form", "/fr/proposer?type=Action"), ("site map", "/fr/plan-du-site"), ("open data", "/fr/donnees-ouvertes"),
    ];

    [Fact]
    public async Task Pages_without_a_map_load_no_map_code()
    {
        using var visitor = site.Factory.CreateClient();
        foreach (var (kind, url) in WithoutMap())
        {
            var html = await visitor.GetStringAsync(url);
            html.Should().NotContainEquivalentOf("leaflet", $"the {kind} page ({url}) shows no map");
            AssetsOf(html).Should().NotContain(a => a.StartsWith("/_content/Portal.Maps/", StringComparison.Ordinal), $"the {kind} page ({url}) shows no map");
        }
    }

    [Fact]
    public async Task Pages_with_a_map_load_leaflet_only_through_the_lazy_loader()
    {
        using var visitor = site.Factory.CreateClient();
        foreach (var url in new[] { "/fr/carte", site.Actor })
        {
            var html = await visitor.GetStringAsync(url);
            var assets = AssetsOf(html).ToList();
            assets.Should().Contain(a => a.StartsWith("/_content/Portal.Maps/map-loader.js?v=", StringComparison.Ordinal), url);
            assets.Should().NotContain(a => a.Contains("leaflet", StringComparison.OrdinalIgnoreCase), $"{url} fetches Leaflet when the map comes into view");
            var scripts = Regex.Match(html, "data-map-scripts=\"([^\"]+)\"").Groups[1].Value.Split(' ');
            scripts.Should().Contain(s => s.StartsWith("/_content/Portal.Maps/lib/leaflet/leaflet.js?v=", StringComparison.Ordinal), url);
            foreach (var asset in scripts.Concat(Regex.Match(html, "data-map-styles=\"([^\"]+)\"").Groups[1].Value.Split(' ')))
                (await visitor.GetAsync(WebUtility.HtmlDecode(asset))).StatusCode.Should().Be(HttpStatusCode.OK, asset);
        }
    }

    [Fact]
    public async Task Each_page_kind_weighs_its_html_css_and_js_as_sent_compressed()
    {
        using var visitor = site.Factory.CreateClient();
        var kinds = WithoutMap().Concat([("entry with a map", site.Actor), ("map", "/fr/carte")]);
        output.WriteLine("| Page | HTML | CSS | JS | Total | Map code when the map is seen |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (kind, url) in kinds)
        {
            var (html, body) = await CompressedAsync(visitor, url);
            long css = 0, js = 0, lazy = 0;
            foreach (var asset in AssetsOf(body).Where(a => a.StartsWith('/')))
            {
                var size = (await CompressedAsync(visitor, asset)).Bytes;
                if (asset.Split('?')[0].EndsWith(".css", StringComparison.Ordinal) || asset.StartsWith("/theme/", StringComparison.Ordinal)) css += size;
                else js += size;
            }
            foreach (Match list in Regex.Matches(body, "data-map-(?:scripts|styles)=\"([^\"]+)\""))
                foreach (var asset in list.Groups[1].Value.Split(' ').Select(WebUtility.HtmlDecode).Distinct())
                    lazy += (await CompressedAsync(visitor, asset!)).Bytes;
            output.WriteLine($"| {kind} (`{url.Split('?')[0]}`) | {Kb(html)} | {Kb(css)} | {Kb(js)} | {Kb(html + css + js)} | {(lazy > 0 ? Kb(lazy) : "–")} |");
            (html + css + js).Should().BeLessThan(100 * 1024, $"the {kind} page stays light before any map code");
        }
    }

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " KB";

    /// <summary>The bytes sent for a URL asked with Brotli, and its text.</summary>
    private static async Task<(long Bytes, string Body)> CompressedAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = response.Content.Headers.ContentEncoding.Contains("br")
            ? await new StreamReader(new System.IO.Compression.BrotliStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress)).ReadToEndAsync()
            : System.Text.Encoding.UTF8.GetString(bytes);
        return (bytes.Length, text);
    }
}
