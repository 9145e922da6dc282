using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>
/// An entry that exists in French only is still listed and found on the German side (list, search, map), marked
/// "nur auf Französisch" and linked to its French page; once it has a German version, the German side shows that one.
/// </summary>
public sealed class OtherLanguageEntryTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const string FrenchOnly = "gr-support-010-fr";

    private static async Task<string> AllPagesAsync(HttpClient client, string list)
    {
        var pages = new System.Text.StringBuilder();
        for (var page = 1; page <= 20; page++)
        {
            using var response = await client.GetAsync($"{list}?page={page}");
            if (!response.IsSuccessStatusCode) break;
            pages.Append(Browser.Decode(await response.Content.ReadAsStringAsync()));
        }
        return pages.ToString();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_french_only_entry_is_in_the_german_list_search_and_map_marked_and_linked_to_its_french_page(string provider)
    {
        using var factory = new PortalFactory(provider, recipe: "grande-region");
        using var client = factory.CreateClient();
        await SearchSite.CatchUpAsync(factory);
        var item = await factory.WithDbAsync(db => db.ContentItems.AsNoTracking().SingleAsync(i => i.ContentItemId == FrenchOnly && i.Published));
        var link = $"<a href=\"/fr/{item.Path}\" hreflang=\"fr\" lang=\"fr\">";

        // The German list of aidant offers, all its pages.
        var list = await AllPagesAsync(client, "/de/angehoerige");
        list.Should().Contain(link + item.DisplayText + "</a>").And.Contain("nur auf Französisch");
        Browser.Decode(await client.GetStringAsync("/fr/aidants")).Should().NotContain("en français uniquement", "the French list holds the French entries themselves");

        // The German search: after the German entries, marked.
        var words = "Hébergement temporaire Yutz";
        var api = JsonNode.Parse(await client.GetStringAsync($"/api/search?culture=de&pageSize=50&q={Uri.EscapeDataString(words)}"))!;
        var ids = api["hits"]!.AsArray().Select(h => h!["id"]!.GetValue<string>()).ToList();
        ids.Should().Contain(FrenchOnly);
        ids.SkipWhile(id => id.EndsWith("-de", StringComparison.Ordinal)).Should().OnlyContain(id => id.EndsWith("-fr", StringComparison.Ordinal), "another language's entries come after the German ones");
        var page1 = Browser.Decode(await client.GetStringAsync($"/de/suche?q={Uri.EscapeDataString(words)}"));
        page1.Should().Contain(link + item.DisplayText + "</a>").And.Contain("nur auf Französisch");

        // The German map: the point links to the French page, with its language and the mark.
        var map = JsonNode.Parse(await client.GetStringAsync($"/api/map.geojson?culture=de&zoom=9&q={Uri.EscapeDataString(words)}"))!;
        var feature = map["features"]!.AsArray().Select(f => f!["properties"]!).Single(p => p["id"]?.GetValue<string>() == FrenchOnly);
        feature["url"]!.GetValue<string>().Should().Be($"/fr/{item.Path}");
        feature["lang"]!.GetValue<string>().Should().Be("fr");
        feature["details"]!.AsArray().Select(d => d!.GetValue<string>()).Should().Contain("nur auf Französisch");

        // A German version written: the German side lists and finds it instead.
        await factory.WithScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<IContentManager>();
            var german = await manager.NewAsync(item.ContentType);
            german.ContentItemId = "gr-support-010-de";
            german.LocalizationSet = item.LocalizationSet;
            german.Data = (JsonObject)item.Data.DeepClone();
            german.Data["TitlePart"] = new JsonObject { ["Title"] = new JsonObject { ["Text"] = "Kurzzeitpflege – Yutz" } };
            german.Data["LocalizationPart"] = new JsonObject { ["Culture"] = new JsonObject { ["Text"] = "de" } };
            german.Data.Remove("AutoroutePart");
            var result = await manager.CreateAsync(german, publish: true);
            result.Succeeded.Should().BeTrue(result.Message);
        });
        await SearchSite.CatchUpAsync(factory);
        var after = JsonNode.Parse(await client.GetStringAsync($"/api/search?culture=de&pageSize=50&q={Uri.EscapeDataString("Kurzzeitpflege Yutz")}"))!["hits"]!.AsArray()
            .Select(h => h!["id"]!.GetValue<string>()).ToList();
        after.Should().Contain("gr-support-010-de").And.NotContain(FrenchOnly);
        (await AllPagesAsync(client, "/de/angehoerige")).Should().Contain("Kurzzeitpflege – Yutz").And.NotContain(link);
    }
}
