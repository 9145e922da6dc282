using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Search.Synonyms;
using Portal.Taxonomies.Services;
using Portal.Tests.Infrastructure;
using Portal.Tests.Search;

namespace Portal.Tests.Knowledge;

/// <summary>The cross-border guide of the Grande Région recipe: its five sides, its glossary and their links, in both languages.</summary>
public sealed partial class GlossaryTests
{
    [GeneratedRegex("href=\"(/(?:fr|de)/(?:glossaire|glossar))#([a-z0-9-]+)\"")]
    private static partial Regex TermLink();

    [Fact]
    public async Task Every_glossary_link_of_the_guide_pages_reaches_its_term_in_both_languages_and_the_terms_are_search_synonyms()
    {
        using var factory = new PortalFactory(recipe: "grande-region");
        using var client = factory.CreateClient();

        var vocabulary = await factory.WithScopeAsync(sp => sp.GetRequiredService<VocabularyStore>().GetAsync("care-glossary"));
        vocabulary!.Terms.Where(t => t.Parent is not null).Should().HaveCountGreaterThanOrEqualTo(30);
        vocabulary.Terms.Should().OnlyContain(t => t.Label["fr"] != null && t.Label["de"] != null && t.Definition["fr"] != null && t.Definition["de"] != null);

        foreach (var (culture, guide, glossary, label) in new[]
        {
            ("fr", "/fr/bien-vieillir-frontiere", "/fr/glossaire", "Pflegegrad (degré de dépendance, Allemagne)"),
            ("de", "/de/gut-aelter-werden-grenze", "/de/glossar", "Pflegegrad"),
        })
        {
            var index = await client.GetStringAsync(guide);
            var sides = Regex.Matches(index, $"href=\"({guide}/[a-z-]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
            sides.Should().HaveCount(5, $"one page per side in {culture}");
            var glossaryPage = Browser.Decode(await client.GetStringAsync(glossary));
            glossaryPage.Should().Contain(label);
            var links = 0;
            foreach (var side in sides)
            {
                var page = await client.GetStringAsync(side);
                page.Should().Contain($"href=\"{glossary}\"", "each guide page links the whole glossary");
                foreach (Match link in TermLink().Matches(page))
                {
                    link.Groups[1].Value.Should().Be(glossary, $"{side} links the glossary of its own language");
                    glossaryPage.Should().Contain($"id=\"{link.Groups[2].Value}\"", $"{side} links the term {link.Groups[2].Value}");
                    links++;
                }
            }
            links.Should().BeGreaterThanOrEqualTo(50, $"the {culture} pages link their notions");
        }

        var synonyms = await factory.WithScopeAsync(sp => sp.GetRequiredService<SynonymStore>().ListAsync());
        synonyms.Should().Contain(g => g.Terms.Contains("APA") && g.Terms.Contains("Pflegegeld") && g.Terms.Contains("Assurance dépendance"));
        synonyms.Should().Contain(g => g.Terms.Contains("EHPAD") && g.Terms.Contains("Pflegeheim") && g.Terms.Contains("CIPA"));
        synonyms.Should().Contain(g => g.Terms.Contains("proche aidant"), "the synonyms recipe's own groups are kept");

        // The search takes a notion of the other side for its equivalent: "Pflegegeld" finds the French page, which says "APA".
        await SearchSite.CatchUpAsync(factory);
        var hits = JsonNode.Parse(await client.GetStringAsync("/api/search?culture=fr&q=Pflegegeld"))!["hits"]!.AsArray().Select(h => h!["title"]!.GetValue<string>());
        hits.Should().Contain("Le bien-vieillir en France (Moselle et Meurthe-et-Moselle)");
    }

    [Fact]
    public async Task The_inspiring_projects_list_filters_by_funding_in_both_languages()
    {
        using var factory = new PortalFactory(recipe: "seine-saint-denis");
        using var client = factory.CreateClient();
        var all = Browser.Decode(await client.GetStringAsync("/fr/projets-inspirants"));
        all.Should().Contain("Café des aidants itinérant").And.Contain("Basket fauteuil intergénérationnel").And.Contain("Appel à agir In Seine-Saint-Denis (2)");
        var funded = Browser.Decode(await client.GetStringAsync("/fr/projets-inspirants?funding=commune"));
        funded.Should().Contain("Basket fauteuil intergénérationnel").And.NotContain("Café des aidants itinérant</a>");
        var german = Browser.Decode(await client.GetStringAsync("/de/gute-praxis?q=Rollstuhlbasketball"));
        german.Should().Contain("Generationenübergreifender Rollstuhlbasketball").And.NotContain("Wanderndes Angehörigencafé</a>");
        var page = Browser.Decode(await client.GetStringAsync("/de/gute-praxis/wanderndes-angehorigencafe"));
        page.Should().Contain("Dieses Projekt übernehmen").And.Contain("Plateforme de répit d'Aubervilliers").And.NotContain("@plateforme-de-repit");

        // The site search finds an inspiring project like any other entry, by what its text says.
        await SearchSite.CatchUpAsync(factory);
        var hits = JsonNode.Parse(await client.GetStringAsync("/api/search?culture=fr&q=" + Uri.EscapeDataString("café des aidants quartier")))!["hits"]!.AsArray();
        hits.Select(h => h!["title"]!.GetValue<string>()).Should().Contain("Café des aidants itinérant");
    }
}
