using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Maps;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>The default recipe's directory on a site whose map clusters above 40 points, to see both kinds of answer.</summary>
public sealed class MapSite : IDisposable
{
    public PortalFactory Factory { get; } = new(recipe: "grande-region")
    {
        ConfigureTestServices = services => services.Configure<MapOptions>(o => o.ClusterThreshold = 40),
    };

    public MapSite()
    {
        Factory.CreateClient().Dispose();
        SearchSite.CatchUpAsync(Factory).GetAwaiter().GetResult();
    }

    public void Dispose() => Factory.Dispose();
}

public sealed class MapTests(MapSite site) : IClassFixture<MapSite>
{
    [Theory]
    [InlineData("culture=fr")]
    [InlineData("culture=fr&bbox=-10,40,20,55")]
    [InlineData("culture=fr&f.fees=gratuit")]
    [InlineData("culture=de&q=pflege")]
    [InlineData("culture=fr&type=Action&f.territory=departement-57")]
    [InlineData("culture=fr&bbox=6.0,49.0,6.4,49.3")]
    [InlineData("culture=fr&near=49.1193,6.1757&radius=20&f.domain=sport")]
    [InlineData("culture=fr&q=zzqqxxww")]
    public async Task The_map_holds_exactly_what_the_search_counts(string query)
    {
        using var client = site.Factory.CreateClient();
        var search = JsonNode.Parse(await client.GetStringAsync("/api/search?" + query))!;
        var response = await client.GetAsync("/api/map.geojson?zoom=9&" + query);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/geo+json");
        var map = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        map["type"]!.GetValue<string>().Should().Be("FeatureCollection");
        var features = map["features"]!.AsArray();
        var onMap = features.Sum(f => f!["properties"]!["cluster"]?.GetValue<bool>() == true ? f["properties"]!["count"]!.GetValue<int>() : 1);
        var total = search["total"]!.GetValue<int>();
        // Entries without a position match no area: with an area they are counted apart, without one they are among the hits.
        if (query.Contains("bbox=") || query.Contains("near=")) onMap.Should().Be(total, query);
        else (onMap + map["unlocated"]!.GetValue<int>()).Should().Be(total, query);
        map["total"]!.GetValue<int>().Should().Be(search["total"]!.GetValue<int>());
        if (onMap > 40) map["clustered"]!.GetValue<bool>().Should().BeTrue("above the threshold the server sends clusters");
        else features.Should().OnlyContain(f => f!["properties"]!["url"] != null && f["properties"]!["title"] != null && f["properties"]!["category"] != null);
        foreach (var feature in features)
        {
            var coordinates = feature!["geometry"]!["coordinates"]!.AsArray();
            coordinates[0]!.GetValue<double>().Should().BeInRange(-180, 180);
            coordinates[1]!.GetValue<double>().Should().BeInRange(-90, 90);
        }
    }

    [Theory]
    [InlineData("culture=fr&bbox=7,49,6,50")]
    [InlineData("culture=fr&bbox=0,95,1,96")]
    [InlineData("culture=fr&zoom=21")]
    [InlineData("culture=fr&zoom=-1")]
    [InlineData("culture=fr&near=49,6&radius=0")]
    [InlineData("culture=fr&near=49,6&radius=501")]
    [InlineData("culture=es")]
    public async Task Bad_map_requests_get_a_400_with_a_reason(string query)
    {
        using var client = site.Factory.CreateClient();
        var response = await client.GetAsync("/api/map.geojson?" + query);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task The_map_page_lists_what_the_map_shows_without_javascript()
    {
        using var client = site.Factory.CreateClient();
        var page = await client.GetStringAsync("/fr/carte?f.fees=gratuit");
        var total = JsonNode.Parse(await client.GetStringAsync("/api/search?culture=fr&f.fees=gratuit"))!["total"]!.GetValue<int>();
        page.Should().Contain($"{total} résultats").And.Contain("id=\"f-fees-gratuit\" checked").And.Contain("id=\"map\"").And.Contain("<noscript>")
            .And.Contain("/_content/Portal.Maps/lib/leaflet/leaflet.js");
        (await client.GetStringAsync("/de/karte")).Should().Contain("<html lang=\"de\"").And.Contain("Karte des Verzeichnisses");
        (await client.GetAsync("/_content/Portal.Maps/lib/leaflet/leaflet.js")).StatusCode.Should().Be(HttpStatusCode.OK, "Leaflet is served by the site, not a CDN");
        (await client.GetAsync("/_content/Portal.Maps/lib/leaflet.markercluster/leaflet.markercluster.js")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

public sealed class MapWidgetTests(MapSite site) : IClassFixture<MapSite>
{
    [Fact]
    public async Task A_page_shows_the_map_and_list_of_its_preset_search()
    {
        using var client = site.Factory.CreateClient();
        var item = JsonNode.Parse(await client.GetStringAsync("/api/content/gr-page-repit-fr?culture=fr"))!;
        var query = item["fields"]!["Page"]!["Map"]!["Query"]!.GetValue<string>();
        var total = JsonNode.Parse(await client.GetStringAsync("/api/search?culture=fr&" + query))!["total"]!.GetValue<int>();
        total.Should().BeGreaterThan(0);
        var page = await client.GetStringAsync(item["url"]!.GetValue<string>());
        page.Should().Contain("data-preset-map").And.Contain($"{total} fiche").And.Contain("/fr/carte?f.supportType=repit");
        System.Text.RegularExpressions.Regex.Matches(page, "<li><a href=\"/fr/aidants/").Count.Should().Be(Math.Min(10, total));
    }

    [Theory]
    [InlineData("f.nope=1", "nope")]
    [InlineData("bbox=1,2", "bbox")]
    [InlineData("near=49,6&radius=9000", "radius")]
    public async Task A_preset_search_that_cannot_be_read_is_refused_with_its_reason(string query, string named)
    {
        var result = await site.Factory.WithScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<Portal.Core.Content.IContentManager>();
            var page = await manager.NewAsync("Page");
            page.Data = JsonNode.Parse($$"""
                { "TitlePart": { "Title": { "Text": "Carte invalide" } }, "Page": { "Map": { "Query": "{{query}}" } },
                  "LocalizationPart": { "Culture": { "Text": "fr" } } }
                """)!.AsObject();
            return await manager.CreateAsync(page);
        });
        result.Succeeded.Should().BeFalse();
        result.Validation.For("Page.Map").Should().Contain(m => m.Contains(named));
    }

    [Fact]
    public async Task An_address_pasted_from_the_map_keeps_its_parameters()
    {
        var result = await site.Factory.WithScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<Portal.Core.Content.IContentManager>();
            var page = await manager.NewAsync("Page");
            page.Data = JsonNode.Parse("""
                { "TitlePart": { "Title": { "Text": "Carte collée" } }, "Page": { "Map": { "Query": " https://example.org/fr/carte?f.fees=gratuit " } },
                  "LocalizationPart": { "Culture": { "Text": "fr" } } }
                """)!.AsObject();
            return await manager.CreateAsync(page);
        });
        result.Succeeded.Should().BeTrue();
        result.Item!.Field("Page", "Map")!["Query"]!.GetValue<string>().Should().Be("f.fees=gratuit");
    }
}
