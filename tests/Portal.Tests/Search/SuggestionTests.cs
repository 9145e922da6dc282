using System.Text.Json.Nodes;

namespace Portal.Tests.Search;

/// <summary>/api/search/suggest: titles, topics and places that complete what is typed, with their kind, in the page's culture.</summary>
public sealed class SuggestionTests(SearchSite site) : IClassFixture<SearchSite>
{
    private async Task<JsonObject> SuggestAsync(string query)
    {
        using var client = site.Factory.CreateClient();
        return JsonNode.Parse(await client.GetStringAsync("/api/search/suggest?" + query))!.AsObject();
    }

    private static List<(string Text, string Kind, string KindLabel, string Url)> Items(JsonObject body) =>
        body["suggestions"]!.AsArray().Select(s => (s!["text"]!.GetValue<string>(), s["kind"]!.GetValue<string>(), s["kindLabel"]!.GetValue<string>(), s["url"]!.GetValue<string>())).ToList();

    [Fact]
    public async Task Halte_rep_suggests_halte_repit_titles_and_the_topic_not_word_pairs()
    {
        var body = await SuggestAsync("culture=fr&q=halte%20rep");
        var items = Items(body);
        items.Should().NotContain(i => i.Text == "halte répit" || i.Text.StartsWith("halte r", StringComparison.Ordinal), "lower-case word pairs are not suggestions");
        items.Should().Contain(i => i.Kind == "entry" && i.Text.StartsWith("Halte-répit Alzheimer", StringComparison.Ordinal) && i.KindLabel == "Fiche" && i.Url.StartsWith("/fr/", StringComparison.Ordinal));
        items.Should().Contain(i => i.Kind == "topic" && i.Text == "Halte-répit / accueil ponctuel Alzheimer" && i.KindLabel == "Thème" && i.Url.Contains("/fr/recherche?f.", StringComparison.Ordinal));
        items.Should().OnlyContain(i => Portal.Search.Engine.TextFolding.Fold(i.Text).Contains("halte", StringComparison.Ordinal));
        body["groups"]!.AsArray().Select(g => g!["label"]!.GetValue<string>()).Should().Contain(["Thèmes", "Fiches"]);
        body["status"]!.GetValue<string>().Should().Be($"{items.Count} suggestions");
    }

    [Fact]
    public async Task Places_are_suggested_with_their_kind_and_point_and_lead_to_the_search_there()
    {
        var body = await SuggestAsync("culture=fr&q=metz");
        var items = Items(body);
        var place = body["suggestions"]!.AsArray().First(s => s!["kind"]!.GetValue<string>() == "place")!;
        place["text"]!.GetValue<string>().Should().Be("Metz");
        place["kindLabel"]!.GetValue<string>().Should().Be("Lieu");
        place["lat"]!.GetValue<double>().Should().BeInRange(49, 49.2);
        place["url"]!.GetValue<string>().Should().Be("/fr/recherche?place=Metz", "a place leads to the search around it");
        items.Should().NotBeEmpty();

        var only = Items(await SuggestAsync("culture=fr&q=metz&kind=place"));
        only.Should().NotBeEmpty().And.OnlyContain(i => i.Kind == "place");
    }

    [Fact]
    public async Task German_pages_get_german_titles_terms_and_labels()
    {
        var body = await SuggestAsync("culture=de&q=tagesp");
        var items = Items(body);
        items.Should().NotBeEmpty().And.OnlyContain(i => i.Url.StartsWith("/de/", StringComparison.Ordinal));
        items.Should().Contain(i => i.Kind == "topic" && i.KindLabel == "Thema" && i.Text.StartsWith("Tagespflege", StringComparison.Ordinal));
        body["status"]!.GetValue<string>().Should().Be(items.Count == 1 ? "1 Vorschlag" : $"{items.Count} Vorschläge");

        var place = Items(await SuggestAsync("culture=de&q=metz&kind=place"));
        place.Should().Contain(i => i.Text == "Metz" && i.KindLabel == "Ort" && i.Url == "/de/suche?place=Metz");
        Items(await SuggestAsync("culture=de&q=saarb&kind=place")).Should().Contain(i => i.Text.StartsWith("Saarbr", StringComparison.Ordinal), "the gazetteer's towns across the border");
    }

    [Fact]
    public async Task Nothing_typed_or_nothing_found_is_an_empty_list_announced_as_such_and_a_bad_kind_is_a_400()
    {
        var empty = await SuggestAsync("culture=fr&q=zzzqqq");
        empty["suggestions"]!.AsArray().Should().BeEmpty();
        empty["status"]!.GetValue<string>().Should().Be("Aucune suggestion");
        (await SuggestAsync("culture=fr&q=m"))["suggestions"]!.AsArray().Should().BeEmpty();
        using var client = site.Factory.CreateClient();
        ((int)(await client.GetAsync("/api/search/suggest?culture=fr&q=metz&kind=nope")).StatusCode).Should().Be(400);
        ((int)(await client.GetAsync("/api/search/suggest?culture=fr&q=metz&kind=1")).StatusCode).Should().Be(400);
    }
}
