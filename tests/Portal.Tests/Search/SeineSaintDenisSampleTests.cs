using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>The Seine-Saint-Denis sample looks like a real directory: distinct offers, French as written, German pages, a home that finds.</summary>
[Collection(SeineSaintDenisCollection.Name)]
public sealed partial class SeineSaintDenisSampleTests(SeineSaintDenisSite site)
{
    private static JsonArray Items()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.sln"))) directory = directory.Parent;
        var recipe = JsonNode.Parse(File.ReadAllText(Path.Combine(directory!.FullName, "recipes", "seine-saint-denis.recipe.json")))!;
        return recipe["steps"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Content")!["data"]!.AsArray();
    }

    private static string Culture(JsonNode item) => item["LocalizationPart"]!["Culture"]!["Text"]!.GetValue<string>();

    private static string Title(JsonNode item) => item["TitlePart"]!["Title"]!["Text"]!.GetValue<string>();

    [GeneratedRegex(@"\b(de|à) (Le|Les) |\bde [AEIOUÉÈÎaeiouéèî]")]
    private static partial Regex UnelidedFrench();

    [Fact]
    public void Aidant_offers_are_distinct_in_french_and_german_and_names_are_elided_and_contracted()
    {
        var items = Items();
        var supports = items.Where(i => i!["ContentType"]!.GetValue<string>() == "AidantSupport").Select(i => i!).ToList();
        var french = supports.Where(i => Culture(i) == "fr").Select(Title).ToList();
        french.Should().HaveCountGreaterThanOrEqualTo(60).And.OnlyHaveUniqueItems("each title names its offer and its commune");
        supports.Where(i => Culture(i) == "de").Select(Title).Should().HaveCount(french.Count).And.OnlyHaveUniqueItems();

        var names = items.Where(i => Culture(i!) == "fr").Select(i => Title(i!)).ToList();
        names.Should().NotContain(n => UnelidedFrench().IsMatch(n));
        names.Should().Contain(["Théâtre du Bourget", "CCAS d'Aubervilliers", "Conservatoire de La Courneuve", "Cercle nautique des Lilas"]);

        // Most offers say how to reach them and when.
        var offers = items.Where(i => i!["ContentType"]!.GetValue<string>() is "Action" or "AidantSupport").Select(i => i!).ToList();
        offers.Count(o => o[o["ContentType"]!.GetValue<string>()]!["OpeningHours"] is not null).Should().BeGreaterThan(offers.Count * 3 / 4);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("de")]
    public async Task Every_search_example_of_the_home_page_finds_something_on_this_site(string culture)
    {
        using var client = site.Factory.CreateClient();
        var home = WebUtility.HtmlDecode(await client.GetStringAsync("/" + culture));
        var hint = Regex.Match(home, "<p class=\"hint\" id=\"home-q-hint\">[^:]+: ?(?:par exemple|zum Beispiel|for example) ([^<]+)\\.</p>");
        hint.Success.Should().BeTrue(home[..Math.Min(home.Length, 4000)]);
        var examples = hint.Groups[1].Value.Split(", ");
        examples.Should().HaveCount(3).And.NotContain("Metz");
        foreach (var example in examples)
        {
            var result = JsonNode.Parse(await client.GetStringAsync($"/api/search?culture={culture}&pageSize=1&q={Uri.EscapeDataString(example)}"))!;
            result["total"]!.GetValue<int>().Should().BePositive($"\"{example}\" is suggested on the {culture} home page");
        }
    }

    [Fact]
    public async Task The_german_side_has_aidant_offers_a_page_and_news_and_the_home_lists_no_news_twice()
    {
        using var client = site.Factory.CreateClient();
        JsonNode.Parse(await client.GetStringAsync("/api/content?type=AidantSupport&culture=de&pageSize=1"))!["total"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(60);
        (await client.GetAsync("/de/angehoerige/tagespflege-aubervilliers")).StatusCode.Should().Be(HttpStatusCode.OK);

        foreach (var culture in new[] { "fr", "de" })
        {
            var home = WebUtility.HtmlDecode(await client.GetStringAsync("/" + culture));
            var links = Regex.Matches(home, "<a href=\"(/" + culture + "/[^\"]+)\">").Select(m => m.Groups[1].Value).ToList();
            var entries = links.Where(l => l.Count(c => c == '/') >= 3).ToList();
            entries.Should().OnlyHaveUniqueItems("a news item or an entry appears once on the home page ({0})", culture);
            home.Should().Contain("news-list");
        }
    }
}
