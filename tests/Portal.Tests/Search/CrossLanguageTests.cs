using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Search.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>On the Grande Région sample site (French and German): the other language's words, and the help a loosened search gives, in both languages.</summary>
public sealed class CrossLanguageTests(SearchSite site) : IClassFixture<SearchSite>
{
    private async Task<List<string>> IdsAsync(string query)
    {
        using var client = site.Factory.CreateClient();
        var result = JsonNode.Parse(await client.GetStringAsync("/api/search?pageSize=100&" + query))!;
        return result["hits"]!.AsArray().Select(h => h!["id"]!.GetValue<string>()).ToList();
    }

    private static string Offer(string id) => id[..id.LastIndexOf('-')];

    [Fact]
    public async Task Tagespflege_on_the_French_site_and_accueil_de_jour_on_the_German_one_find_the_same_offers()
    {
        var french = await IdsAsync("culture=fr&q=Tagespflege");
        var german = await IdsAsync("culture=de&q=accueil%20de%20jour");
        var bothLanguages = await TranslatedAsync();
        french.Should().Contain("gr-actor-006-fr").And.OnlyContain(id => id.EndsWith("-fr", StringComparison.Ordinal));
        // The German site finds its own entries first, then the entries that exist in French only (issue 16: one entry, two languages).
        german.Should().Contain("gr-actor-006-de");
        german.SkipWhile(id => id.EndsWith("-de", StringComparison.Ordinal))
            .Should().OnlyContain(id => id.EndsWith("-fr", StringComparison.Ordinal) && !bothLanguages.Contains(Offer(id)));
        // Entries, pages and guides are translations of each other; a resource's text is its own document in each
        // language (a PDF written per side), so what one language's document says the other's may not.
        var translated = french.Select(Offer).Intersect(bothLanguages).Where(NotADocument).ToHashSet();
        german.Where(id => id.EndsWith("-de", StringComparison.Ordinal)).Select(Offer).Where(NotADocument)
            .Should().BeEquivalentTo(translated, "the German site finds the translations of what the French one finds");
    }

    private static bool NotADocument(string id) => !id.StartsWith("gr-res-", StringComparison.Ordinal);

    /// <summary>The offers that exist in both languages.</summary>
    private Task<HashSet<string>> TranslatedAsync() => site.Factory.WithDbAsync(async db =>
    {
        var ids = await db.ContentItems.Where(i => i.Latest && i.Published && i.ContentItemId.EndsWith("-de")).Select(i => i.ContentItemId).ToListAsync();
        return ids.Select(Offer).ToHashSet();
    });

    [Fact]
    public async Task A_taxonomy_term_is_indexed_with_its_labels_in_every_language()
    {
        await site.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Portal.Core.Data.PortalDbContext>();
            var item = await db.ContentItems.AsNoTracking().FirstAsync(i => i.ContentItemId == "gr-actor-006-fr" && i.Published);
            var document = await sp.GetRequiredService<SearchDocumentBuilder>().BuildAsync(item, "fr");
            document!.Labels.Should().Contain("Centres d'accueil de jour pour personnes âgées").And.Contain("Tagespflegeeinrichtungen für ältere Menschen");
        });
        (await IdsAsync("culture=fr&q=Tagespflegeeinrichtungen")).Should().Contain("gr-actor-006-fr", "the German label finds the French item");
    }

    [Fact]
    public async Task The_help_of_a_loosened_search_is_in_the_page_language()
    {
        using var client = site.Factory.CreateClient();
        var german = Browser.Decode(await client.GetStringAsync("/de/suche?q=Tagespflege+zorglub"));
        german.Should().Contain("Keine Ergebnisse für alle Wörter: Ergebnisse ohne „zorglub“.").And.Contain("Tagespflege Glyzinien");
        var typo = Browser.Decode(await client.GetStringAsync("/de/suche?q=Tagespflgee"));
        typo.Should().Contain("Meinten Sie:").And.Contain("href=\"/de/suche?q=tagespflege\"");
        var french = Browser.Decode(await client.GetStringAsync("/fr/recherche?q=accueil+zorglub"));
        french.Should().Contain("Aucun résultat pour tous les mots : résultats sans « zorglub ».");
    }
}
