using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Search.Engine;
using Portal.Search.Places;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Search;

/// <summary>The Seine-Saint-Denis recipe's directory, indexed.</summary>
public sealed class SeineSaintDenisSearchSite : IDisposable
{
    public PortalFactory Factory { get; } = new(recipe: "seine-saint-denis");

    public SeineSaintDenisSearchSite()
    {
        Factory.CreateClient().Dispose();
        SearchSite.CatchUpAsync(Factory).GetAwaiter().GetResult();
    }

    public void Dispose() => Factory.Dispose();
}

/// <summary>Places in the search: named among the words, typed in the "where" field, or a position; radius, distance, sort and the nearest beyond.</summary>
public sealed class PlaceSearchTests(SearchSite site, SeineSaintDenisSearchSite ssd, ITestOutputHelper output) : IClassFixture<SearchSite>, IClassFixture<SeineSaintDenisSearchSite>
{

    private static async Task<JsonObject> SearchAsync(PortalFactory factory, string query)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/api/search?" + query);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static async Task<string> PageAsync(PortalFactory factory, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(url);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        response.StatusCode.Should().Be(expected, url);
        return body;
    }

    private static List<JsonNode> Hits(JsonObject result) => result["hits"]!.AsArray().Select(h => h!).ToList();
    private static List<double> Distances(JsonObject result) => Hits(result).Select(h => h["distanceKm"]!.GetValue<double>()).ToList();

    [Fact]
    public async Task Repit_Metz_finds_respite_offers_nearest_to_Metz_with_their_distance_and_says_so()
    {
        var result = await SearchAsync(site.Factory, "culture=fr&q=r%C3%A9pit%20Metz&pageSize=50");
        var place = result["place"]!;
        place["label"]!.GetValue<string>().Should().Be("Metz");
        place["origin"]!.GetValue<string>().Should().Be("words");
        place["words"]!.GetValue<string>().Should().Be("répit", "Metz is a place, not a word to match");
        result["total"]!.GetValue<int>().Should().BeGreaterThan(0);
        Distances(result).Should().BeInAscendingOrder().And.OnlyContain(d => d <= 50);
        // The same as the words alone around Metz: every hit is a respite offer.
        var respite = await SearchAsync(site.Factory, "culture=fr&q=r%C3%A9pit&place=Metz&pageSize=50");
        Hits(respite).Select(h => h["id"]!.GetValue<string>()).Should().Equal(Hits(result).Select(h => h["id"]!.GetValue<string>()));
        var everywhere = await SearchAsync(site.Factory, "culture=fr&q=r%C3%A9pit&pageSize=100");
        Hits(everywhere).Select(h => h["id"]!.GetValue<string>()).Should().Contain(Hits(result).Select(h => h["id"]!.GetValue<string>()));

        var page = await PageAsync(site.Factory, "/fr/recherche?q=r%C3%A9pit+Metz");
        var scope = place["scope"]!.GetValue<string>();
        if (scope == "place") page.Should().Contain("Résultats à Metz");
        else page.Should().MatchRegex(@"Résultats autour de Metz — \d+ km au plus");
        page.Should().Contain("id=\"search-words-alone\"").And.Contain("noplace=1").And.MatchRegex(@"à \d+(,\d)? km");

        var wordsAlone = await SearchAsync(site.Factory, "culture=fr&q=r%C3%A9pit%20Metz&noplace=1");
        wordsAlone["place"].Should().BeNull("with noplace=1 the words are searched as typed");
    }

    [Fact]
    public async Task Saarbruecken_in_french_and_Sarrebruck_in_german_find_the_offers_in_Saarbruecken()
    {
        var french = await SearchAsync(site.Factory, "culture=fr&q=Saarbr%C3%BCcken&pageSize=50");
        french["place"]!["label"]!.GetValue<string>().Should().Be("Sarrebruck");
        Hits(french).Select(h => h["id"]!.GetValue<string>()).Should().Contain(["gr-actor-033-fr", "gr-support-006-fr", "gr-action-065-fr"]);
        Distances(french).Should().BeInAscendingOrder().And.OnlyContain(d => d <= 10);

        var german = await SearchAsync(site.Factory, "culture=de&q=Sarrebruck&pageSize=50");
        german["place"]!["label"]!.GetValue<string>().Should().Be("Saarbrücken");
        Hits(german).Select(h => h["id"]!.GetValue<string>()).Should().Contain(["gr-actor-033-de", "gr-support-006-de", "gr-action-065-de"]);

        var tagespflege = await SearchAsync(site.Factory, "culture=de&q=Tagespflege%20Sarrebruck");
        Hits(tagespflege).Select(h => h["id"]!.GetValue<string>()).First().Should().Be("gr-support-006-de");
        (await PageAsync(site.Factory, "/de/suche?q=Tagespflege+Sarrebruck")).Should().MatchRegex(@"Ergebnisse um Saarbrücken – höchstens \d+ km entfernt");
    }

    [Theory]
    [InlineData("grande-region")]
    [InlineData("seine-saint-denis")]
    public async Task Near_me_as_plain_query_fields_filters_by_radius_and_sorts_by_a_true_distance(string recipe)
    {
        var factory = recipe == "grande-region" ? site.Factory : ssd.Factory;
        var (lat, lon) = recipe == "grande-region" ? (49.1, 6.17) : (48.91, 2.44);
        var q = FormattableString.Invariant($"lat={lat}&lon={lon}&radius=25");
        var result = await SearchAsync(factory, $"culture=fr&{q}&pageSize=100");
        result["place"]!["origin"]!.GetValue<string>().Should().Be("position");
        var hits = Hits(result);
        hits.Should().HaveCountGreaterThan(3);
        Distances(result).Should().BeInAscendingOrder().And.OnlyContain(d => d <= 25);
        foreach (var hit in hits)
            hit["distanceKm"]!.GetValue<double>().Should().BeApproximately(Haversine(lat, lon, hit["lat"]!.GetValue<double>(), hit["lon"]!.GetValue<double>()), 0.01);

        // Without JavaScript: the same fields in the page's address, the distance on each hit in the culture's format.
        var page = await PageAsync(factory, $"/fr/recherche?{q}");
        page.Should().Contain("name=\"lat\"").And.Contain(FormattableString.Invariant($"value=\"{lat}\"")).And.MatchRegex(@"à \d+(,\d)? km")
            .And.MatchRegex(@"Résultats autour de votre position — \d+ km au plus");
        var german = await PageAsync(factory, $"/de/suche?{q}");
        german.Should().MatchRegex(@"\d+(,\d)? km entfernt");
        // Sorting by relevance stays possible.
        (await SearchAsync(factory, $"culture=fr&{q}&sort=relevance"))["total"]!.GetValue<int>().Should().Be(result["total"]!.GetValue<int>());
    }

    /// <summary>The great-circle distance, computed here independently of the engine.</summary>
    private static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var h = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
        return 2 * 6371.0088 * Math.Asin(Math.Sqrt(h));
    }

    [Theory]
    [InlineData("lat=abc&lon=6", "lat", "search-position-error")]
    [InlineData("lat=91&lon=6", "lat", "search-position-error")]
    [InlineData("lat=49&lon=200", "lon", "search-position-error")]
    [InlineData("lat=49", "lon", "search-position-error")]
    [InlineData("lat=49&lon=6&radius=0", "radius", "search-radius-error")]
    [InlineData("lat=49&lon=6&radius=abc", "radius", "search-radius-error")]
    [InlineData("place=Metz&radius=501", "radius", "search-radius-error")]
    [InlineData("place=Nulle-part-sur-Mer", "Nulle-part-sur-Mer", "search-place-error")]
    public async Task A_bad_position_radius_or_unknown_place_is_a_400_with_a_message_beside_its_field(string query, string named, string errorId)
    {
        using var client = site.Factory.CreateClient();
        var api = await client.GetAsync("/api/search?culture=fr&" + query);
        api.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonNode.Parse(await api.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>().Should().Contain(named);
        var map = await client.GetAsync("/api/map.geojson?culture=fr&" + query);
        map.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await PageAsync(site.Factory, "/fr/recherche?q=r%C3%A9pit&" + query, HttpStatusCode.BadRequest);
        page.Should().Contain($"id=\"{errorId}\"").And.Contain("value=\"répit\"", "what was typed is kept");
        page.Should().NotContain("name=\"lat\" id=\"search-lat\" value=\"9").And.NotContain("id=\"search-lon\" value=\"200\"", "a position that cannot be read is not sent again");
    }

    [Fact]
    public async Task The_map_api_filters_by_place_and_radius()
    {
        using var client = site.Factory.CreateClient();
        async Task<List<(double Lat, double Lon)>> PointsAsync(string query)
        {
            var body = JsonNode.Parse(await client.GetStringAsync("/api/map.geojson?culture=fr&zoom=12&" + query))!;
            body["clustered"]?.GetValue<bool>().Should().NotBe(true);
            return body["features"]!.AsArray().Select(f => f!["geometry"]!["coordinates"]!.AsArray())
                .Select(c => (c[1]!.GetValue<double>(), c[0]!.GetValue<double>())).ToList();
        }
        var centre = (await SearchAsync(site.Factory, "culture=fr&place=Metz&radius=25"))["place"]!;
        var (MetzLat, MetzLon) = (centre["lat"]!.GetValue<double>(), centre["lon"]!.GetValue<double>());
        Haversine(MetzLat, MetzLon, 49.1196, 6.1764).Should().BeLessThan(3, "the centre of Metz is in Metz");
        var near = await PointsAsync("place=Metz&radius=5");
        var wide = await PointsAsync("place=Metz&radius=25");
        near.Should().NotBeEmpty().And.OnlyContain(p => Haversine(MetzLat, MetzLon, p.Lat, p.Lon) <= 5.01);
        wide.Should().HaveCountGreaterThan(near.Count).And.OnlyContain(p => Haversine(MetzLat, MetzLon, p.Lat, p.Lon) <= 25.01);
        var search = await SearchAsync(site.Factory, "culture=fr&place=Metz&radius=25");
        wide.Should().HaveCount(search["total"]!.GetValue<int>());
        var german = await PointsAsync("place=Sarrebruck&radius=10");
        german.Should().NotBeEmpty().And.OnlyContain(p => Haversine(49.2354, 6.9965, p.Lat, p.Lon) <= 10.01);

        var mapPage = await PageAsync(site.Factory, "/fr/carte?place=Metz&radius=25");
        mapPage.Should().Contain("id=\"search-place\"").And.Contain("value=\"Metz\"").And.Contain("data-place=\"").And.MatchRegex(@"Résultats autour de Metz — \d+ km au plus");
    }

    [Theory]
    [InlineData("grande-region", "Paris", "r%C3%A9pit")]
    [InlineData("seine-saint-denis", "Metz", "")]
    public async Task Nothing_within_50_km_shows_the_nearest_results_farther_away_and_says_so(string recipe, string place, string words)
    {
        var factory = recipe == "grande-region" ? site.Factory : ssd.Factory;
        var result = await SearchAsync(factory, $"culture=fr&q={words}&place={place}&pageSize=30");
        result["place"]!["scope"]!.GetValue<string>().Should().Be("nearest");
        result["place"]!["radiusKm"]!.GetValue<double>().Should().Be(50);
        Distances(result).Should().NotBeEmpty().And.BeInAscendingOrder().And.OnlyContain(d => d > 50);
        var page = await PageAsync(factory, $"/fr/recherche?q={words}&place={place}");
        page.Should().Contain($"Aucun résultat à moins de 50 km de {place} : les plus proches").And.Contain("id=\"search-everywhere\"");
    }

    [Fact]
    public async Task A_postcode_or_a_commune_typed_in_the_place_field_searches_that_commune_first()
    {
        var byPostcode = await SearchAsync(ssd.Factory, "culture=fr&place=93000&pageSize=100");
        byPostcode["place"]!["label"]!.GetValue<string>().Should().Be("Bobigny");
        byPostcode["place"]!["scope"]!.GetValue<string>().Should().Be("place");
        byPostcode["total"]!.GetValue<int>().Should().BeGreaterThan(0);
        var byName = await SearchAsync(ssd.Factory, "culture=fr&place=bobigny&pageSize=100");
        Hits(byName).Select(h => h["id"]!.GetValue<string>()).Should().Equal(Hits(byPostcode).Select(h => h["id"]!.GetValue<string>()));
        Hits(byName).Should().OnlyContain(h => h["commune"] != null && h["commune"]!.GetValue<string>() == "Bobigny");
    }

    [Fact]
    public async Task A_commune_and_postcode_named_only_by_an_address_become_a_place_at_its_entries_point()
    {
        var id = await ssd.Factory.WithScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<Portal.Core.Content.IContentManager>();
            var model = (await manager.GetAsync("ssd-actor-001"))!;
            var item = await manager.NewAsync(model.ContentType);
            item.Data = model.Data.DeepClone().AsObject();
            item.Data.Remove("AutoroutePart");
            item.Data["TitlePart"] = JsonNode.Parse("""{ "Title": { "Text": "Maison des aidants de Mondercange" } }""");
            item.Data["AddressPart"] = JsonNode.Parse("""{ "Street": { "Text": "1 rue de l'Église" }, "Commune": { "Text": "Mondercange" }, "Postcode": { "Text": "L-3917" }, "Country": { "Text": "LU" } }""");
            item.Data[model.ContentType]!["Location"] = JsonNode.Parse("""{ "Latitude": 49.5331, "Longitude": 6.0333 }""");
            item.Data[model.ContentType]!["Territory"] = JsonNode.Parse("""{ "Terms": ["luxembourg"] }""");
            var result = await manager.CreateAsync(item, publish: true);
            result.Succeeded.Should().BeTrue(result.ToString());
            return item.ContentItemId;
        });
        await SearchSite.CatchUpAsync(ssd.Factory);
        var gazetteer = ssd.Factory.Services.GetRequiredService<Gazetteer>();
        await gazetteer.RefreshAsync();
        var place = await gazetteer.FindAsync("MONDERCANGE", "de");
        place.Should().NotBeNull();
        (place!.Latitude, place.Longitude).Should().Be((49.5331, 6.0333));
        (await gazetteer.FindAsync("L-3917", "fr"))!.Key.Should().Be(place.Key);

        var result = await SearchAsync(ssd.Factory, "culture=fr&q=aidants%20Mondercange");
        result["place"]!["label"]!.GetValue<string>().Should().Be("Mondercange");
        Hits(result).First()["id"]!.GetValue<string>().Should().Be(id);
        Distances(result).First().Should().BeLessThan(0.01);
    }

    [Fact]
    public async Task The_gazetteer_knows_communes_and_cross_border_towns_by_their_names_in_both_languages()
    {
        var gazetteer = site.Factory.Services.GetRequiredService<IGazetteer>();
        var size = await gazetteer.SizeAsync();
        output.WriteLine($"gazetteer: {size.Places} places, {size.Names} names");
        size.Places.Should().BeGreaterThan(800);
        string?[][] pairs = [["Sarrebruck", "Saarbrücken"], ["Trèves", "Trier"], ["Luxembourg", "Luxemburg"], ["Sarrelouis", "Saarlouis"], ["Deux-Ponts", "Zweibrücken"],
            ["Coblence", "Koblenz"], ["Mayence", "Mainz"], ["Liège", "Lüttich"], ["Thionville", "Diedenhofen"], ["Sarreguemines", "Saargemünd"], ["Esch-sur-Alzette", "Esch an der Alzette"]];
        foreach (var pair in pairs)
        {
            var french = await gazetteer.FindAsync(pair[0]!, "fr");
            var german = await gazetteer.FindAsync(pair[1]!, "de");
            french.Should().NotBeNull(pair[0]);
            german!.Key.Should().Be(french!.Key, $"{pair[0]} and {pair[1]} are one place");
            french.LabelFor("fr").Should().Be(pair[0]);
            french.LabelFor("de").Should().Be(pair[1]);
            (await gazetteer.FindAsync(pair[1]!, "fr"))!.Key.Should().Be(french.Key);
        }
        (await gazetteer.FindAsync("57463", "fr"))!.LabelFor("fr").Should().Be("Metz", "an INSEE code names its commune");
        (await gazetteer.FindAsync("57000", "fr"))!.LabelFor("fr").Should().Be("Metz");
        var suggestions = await gazetteer.SuggestAsync("sarre", "fr", 10);
        suggestions.Select(s => s.Label).Should().Contain(["Sarrebruck", "Sarreguemines", "Sarrelouis"]);
        suggestions.Should().OnlyContain(s => s.Latitude != 0 && s.Longitude != 0);
        var communes = GeoCircle.DistanceKm(49.2354, 6.9965, (await gazetteer.FindAsync("Saarbrücken", "fr"))!.Latitude, 6.9965);
        communes.Should().BeLessThan(1);
    }
}
