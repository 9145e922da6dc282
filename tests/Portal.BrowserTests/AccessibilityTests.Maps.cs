using System.Text.Json;
using Microsoft.Playwright;

namespace Portal.BrowserTests;

/// <summary>
/// Every page with a map, in both languages, through a second engine (HTML_CodeSniffer's WCAG2AA, as pa11y runs it)
/// as well as axe: markers and clusters are named by what they stand for, the map is a named region, the list stays beside it.
/// </summary>
public sealed partial class AccessibilityTests
{
    private static readonly string HtmlCodeSniffer = File.ReadAllText(Path.Combine(FindProjectDirectory(), "node_modules", "html_codesniffer", "build", "HTMLCS.js"));

    /// <summary>A page with axe and HTML_CodeSniffer, both injected as the browser's own code (the site's CSP refuses inline scripts).</summary>
    private async Task<IPage> NewCheckedPageAsync()
    {
        var page = await NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.AddInitScriptAsync(HtmlCodeSniffer);
        await OfflineAsync(page);
        return page;
    }

    /// <summary>HTML_CodeSniffer's errors (not its warnings or notices) on the page, WCAG 2 AA, as pa11y's runner reports them: code and element.</summary>
    private static async Task<IReadOnlyList<string>> CodeSnifferErrorsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("""
            () => new Promise(resolve => HTMLCS.process('WCAG2AA', document, () => resolve(HTMLCS.getMessages()
                .filter(m => m.type === HTMLCS.ERROR)
                .map(m => m.code + ': ' + (m.element && m.element.outerHTML ? m.element.outerHTML.slice(0, 160) : String(m.element))))))
            """);
        return json.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    public static TheoryData<string, string> MapPages() => new()
    {
        { "/fr/carte", "#map .leaflet-marker-icon" }, { "/de/karte", "#map .leaflet-marker-icon" },
        { "/fr/carte?bbox=2.3,48.8,2.6,49.0", "#map .leaflet-marker-icon" }, { "/de/karte?bbox=-5,41,10,51", "#map .leaflet-marker-icon" },
        { "/fr/activites-sur-la-carte", ".preset-map .leaflet-marker-icon" },
        { "/fr/acteurs/handisport-bobigny", ".point-map .leaflet-marker-icon" },
    };

    [Theory, MemberData(nameof(MapPages))]
    public async Task Map_pages_pass_html_codesniffer_and_axe_with_named_markers_and_a_list_beside_the_map(string url, string marker)
    {
        await site.WaitForSearchAsync();
        var page = await NewCheckedPageAsync();
        await page.GotoAsync(site.BaseUrl + url);
        await MapIntoViewAsync(page);
        await page.WaitForSelectorAsync(marker, new() { Timeout = 60_000 });

        // The map is a region with a name, and a list of the same entries sits beside it (or the page is the entry itself).
        var map = page.Locator("#map, .preset-map, .point-map").First;
        (await map.GetAttributeAsync("role")).Should().Be("region");
        (await map.GetAttributeAsync("aria-label")).Should().NotBeNullOrWhiteSpace();
        if (!url.Contains("/acteurs/") && !url.Contains("/akteure/"))
            (await page.Locator(".hits li, .search-map-widget li").CountAsync()).Should().BeGreaterThan(0, "the list alternative stays next to the map");

        // Each marker and cluster is named by its entry or by what it holds, never "Marker" or a bare number.
        var names = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.leaflet-marker-icon')].map(e => e.getAttribute('aria-label') || e.getAttribute('alt') || '')
            """);
        names.Should().NotBeEmpty().And.OnlyContain(n => n.Length > 3 && n != "Marker" && !n.All(char.IsDigit));
        var entries = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.map-marker')].map(e => e.getAttribute('aria-label'))");
        entries.Should().OnlyContain(n => n.Contains(" – ") && n.Contains(", "), "an entry is named by its title, place and kind");

        (await CodeSnifferErrorsAsync(page)).Should().BeEmpty("HTML_CodeSniffer finds no WCAG2AA error on {0}", url);
        (await ViolationsAsync(page)).Should().BeEmpty("axe finds nothing on {0}", url);
        await ShotAsync(page, "map-a11y-" + url.Trim('/').Replace('/', '-').Replace('?', '-').Replace('=', '-').Replace('.', '-').Replace('&', '-'));
        await page.CloseAsync();
    }

    [Fact]
    public async Task Map_clusters_are_named_by_their_count_and_open_by_keyboard()
    {
        await site.WaitForSearchAsync();
        var page = await NewCheckedPageAsync();
        // Zoomed out over France: the entries of Seine-Saint-Denis gather in a cluster.
        await page.GotoAsync(site.BaseUrl + "/fr/carte?bbox=-5,41,10,51");
        await page.WaitForSelectorAsync(".marker-cluster, .map-server-cluster", new() { Timeout = 60_000 });
        var cluster = page.Locator(".marker-cluster, .map-server-cluster").First;
        (await cluster.GetAttributeAsync("role")).Should().Be("button");
        (await cluster.GetAttributeAsync("aria-label")).Should().MatchRegex(@"^\d+ fiches ici : zoomez$");
        (await CodeSnifferErrorsAsync(page)).Should().BeEmpty();
        await ShotAsync(page, "map-a11y-clusters-fr");
        await cluster.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".map-marker", new() { Timeout = 60_000 });
        await page.CloseAsync();
    }

    /// <summary>Scrolls to the page's first map as a reader would: map code comes when a map is about to be seen (map-loader.js).</summary>
    private static Task MapIntoViewAsync(IPage page) =>
        page.EvaluateAsync("() => { const m = document.querySelector('[data-map-scripts]'); (m.hidden ? m.parentElement : m).scrollIntoView(); }");

    [Fact]
    public async Task An_entrys_map_fetches_leaflet_only_when_it_is_about_to_be_seen()
    {
        await site.WaitForSearchAsync();
        var page = await NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 400 } });
        await OfflineAsync(page);
        var fetched = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, request) => fetched.Enqueue(request.Url);
        await page.GotoAsync(site.BaseUrl + "/fr/acteurs/handisport-bobigny", new() { WaitUntil = WaitUntilState.NetworkIdle });
        var below = await page.EvaluateAsync<double>("() => document.querySelector('[data-point-map]').parentElement.getBoundingClientRect().top - window.innerHeight");
        below.Should().BeGreaterThan(300, "the entry's map starts well below the first screen");
        fetched.Should().Contain(u => u.Contains("/map-loader.js", StringComparison.Ordinal)).And.NotContain(u => u.Contains("leaflet", StringComparison.OrdinalIgnoreCase));
        (await page.EvaluateAsync<bool>("() => typeof window.L === 'undefined'")).Should().BeTrue("Leaflet waits until the map is about to be seen");

        await MapIntoViewAsync(page);
        await page.WaitForSelectorAsync(".point-map.leaflet-container .leaflet-marker-icon", new() { Timeout = 60_000 });
        fetched.Should().Contain(u => u.Contains("/lib/leaflet/leaflet.js", StringComparison.Ordinal));
        await page.CloseAsync();
    }
}
