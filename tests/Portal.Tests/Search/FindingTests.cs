using System.Net;
using System.Text.Json.Nodes;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>What a person types on the Seine-Saint-Denis sample site finds what they mean, in the first ten results.</summary>
[Collection(SeineSaintDenisCollection.Name)]
public sealed class FindingTests(SeineSaintDenisSite site)
{
    private async Task<JsonObject> SearchAsync(string query)
    {
        using var client = site.Factory.CreateClient();
        var response = await client.GetAsync("/api/search?culture=fr&" + (query.Contains("pageSize=", StringComparison.Ordinal) ? "" : "pageSize=10&") + query);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static List<string> Titles(JsonObject result) => result["hits"]!.AsArray().Select(h => h!["title"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task Fauteuil_roulant_finds_wheelchair_basketball_and_handisport_in_the_first_ten()
    {
        var titles = Titles(await SearchAsync("q=fauteuil%20roulant"));
        titles.Should().HaveCount(10);
        titles.Count(t => t.StartsWith("Basket fauteuil", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(5, string.Join(" | ", titles));
    }

    [Fact]
    public async Task Demence_EHPAD_and_sourd_find_alzheimer_offers_homes_and_offers_for_deaf_people()
    {
        Titles(await SearchAsync("q=d%C3%A9mence")).Should().Contain(t => t.Contains("Alzheimer", StringComparison.Ordinal));
        Titles(await SearchAsync("q=EHPAD")).Should().Contain(t => t.StartsWith("Hébergement temporaire", StringComparison.Ordinal));
        var deaf = Titles(await SearchAsync("q=sourd"));
        deaf.Should().NotBeEmpty().And.Contain(t => t.StartsWith("Spectacle en langue des signes", StringComparison.Ordinal));
        deaf.Should().OnlyContain(t => t.StartsWith("Spectacle en langue des signes", StringComparison.Ordinal) || t.StartsWith("Escalade pour tous", StringComparison.Ordinal)
            || t.StartsWith("Danse inclusive", StringComparison.Ordinal), "every one is tagged for hearing impairment");
    }

    [Fact]
    public async Task A_typo_finds_handisport_and_the_page_offers_the_correction()
    {
        var result = await SearchAsync("q=handisprot");
        Titles(result).Should().Contain(t => t.StartsWith("Handisport", StringComparison.Ordinal));
        result["correction"]!.GetValue<string>().Should().Be("handisport");
        using var client = site.Factory.CreateClient();
        var page = Browser.Decode(await client.GetStringAsync("/fr/recherche?q=handisprot"));
        page.Should().Contain("Vouliez-vous dire :").And.Contain("href=\"/fr/recherche?q=handisport\"");
    }

    [Fact]
    public async Task Piscine_handicap_visuel_finds_swimming_first()
    {
        var titles = Titles(await SearchAsync("q=piscine%20handicap%20visuel"));
        titles.Should().HaveCount(10).And.OnlyContain(t => t.StartsWith("Piscine", StringComparison.Ordinal) || t.StartsWith("Natation", StringComparison.Ordinal)
            || t.StartsWith("Aquagym", StringComparison.Ordinal) || t.StartsWith("Cercle nautique", StringComparison.Ordinal)
            || t.Contains("piscine", StringComparison.OrdinalIgnoreCase), string.Join(" | ", titles)); // events at a pool count too

    }

    [Fact]
    public async Task When_no_item_has_all_the_words_the_page_says_which_word_was_left_out_and_offers_close_topics()
    {
        var result = await SearchAsync("q=piscine%20zorglub");
        Titles(result).Should().Contain(t => t.StartsWith("Piscine municipale", StringComparison.Ordinal));
        var relaxation = result["relaxations"]!.AsArray().Single()!;
        relaxation["kind"]!.GetValue<string>().Should().Be("DroppedWords");
        relaxation["words"]!.AsArray().Select(w => w!.GetValue<string>()).Should().Equal("zorglub");

        using var client = site.Factory.CreateClient();
        var page = Browser.Decode(await client.GetStringAsync("/fr/recherche?q=piscine+zorglub"));
        page.Should().Contain("Aucun résultat pour tous les mots : résultats sans « zorglub ».");
        page.Should().Contain("Thèmes proches :").And.Contain("href=\"/fr/recherche?f.typology=equipement-sportif\"", "the vocabulary's closest term is offered as a filter");
    }

    [Fact]
    public async Task Quotes_and_a_minus_still_narrow_the_results()
    {
        var basket = await SearchAsync("q=basket&pageSize=100");
        var withoutBobigny = await SearchAsync("q=basket%20-Bobigny&pageSize=100");
        withoutBobigny["total"]!.GetValue<int>().Should().BeLessThan(basket["total"]!.GetValue<int>());
        Titles(withoutBobigny).Should().NotContain(t => t.Contains("Bobigny", StringComparison.Ordinal));

        var phrase = Titles(await SearchAsync("q=%22natation%20adapt%C3%A9e%22&pageSize=100"));
        phrase.Should().NotBeEmpty().And.OnlyContain(t => t.StartsWith("Natation adaptée", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_unknown_word_among_three_does_not_empty_the_page()
    {
        var result = await SearchAsync("q=natation%20adapt%C3%A9e%20zorglub");
        Titles(result).Should().HaveCount(10).And.OnlyContain(t => t.StartsWith("Natation adaptée", StringComparison.Ordinal));
        result["relaxations"]!.AsArray().Should().BeEmpty("two words out of three are enough");
    }
}
