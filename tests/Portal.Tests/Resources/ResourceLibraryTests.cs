using System.Net;
using System.Text.Json.Nodes;
using Portal.Tests.Infrastructure;
using Portal.Tests.Search;

namespace Portal.Tests.Resources;

/// <summary>The sample resources of the Grande Région recipe: their generated PDF files, the library page and the site search.</summary>
public sealed class ResourceLibraryTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_phrase_only_inside_a_seeded_pdf_finds_the_resource_with_its_page_number(string provider)
    {
        using var factory = new PortalFactory(provider, recipe: "grande-region");
        var client = factory.CreateClient();
        await SearchSite.CatchUpAsync(factory);

        // The phrase is on page 2 of the French guide's PDF, nowhere in its title or summary.
        var library = Browser.Decode(await client.GetStringAsync("/fr/ressources?q=" + Uri.EscapeDataString("relais de répit itinérant du Warndt")));
        library.Should().Contain("Guide de l'aidant transfrontalier").And.Contain("Page 2 du document");
        library.Should().Contain("le relais de répit itinérant du Warndt accueille la personne aidée", "the hit shows the matching passage");
        library.Should().NotContain("État de l'art du bien-vieillir", "the other resources do not say it");

        var german = Browser.Decode(await client.GetStringAsync("/de/ressourcen?q=" + Uri.EscapeDataString("mobile Entlastungsstation")));
        german.Should().Contain("Leitfaden für pflegende Angehörige über die Grenze").And.Contain("Seite 2 des Dokuments");

        var search = JsonNode.Parse(await client.GetStringAsync("/api/search?culture=fr&q=" + Uri.EscapeDataString("relais itinérant Warndt")))!;
        search["hits"]!.AsArray().Select(h => h!["title"]!.GetValue<string>()).Should().Contain("Guide de l'aidant transfrontalier", "the site search reads the PDF's text too");
    }

    [Fact]
    public async Task The_library_lists_the_seeded_resources_with_facets_and_real_pdf_files()
    {
        using var factory = new PortalFactory(recipe: "grande-region");
        var client = factory.CreateClient();

        var all = Browser.Decode(await client.GetStringAsync("/fr/ressources"));
        all.Should().Contain("Guide de l'aidant transfrontalier").And.Contain("Atelier sport adapté à Sarrebruck (vidéo)").And.Contain("Vidéo (1)");
        var videos = Browser.Decode(await client.GetStringAsync("/fr/ressources?kind=video"));
        videos.Should().Contain("Atelier sport adapté à Sarrebruck (vidéo)").And.NotContain("Guide de l'aidant transfrontalier</a>");
        var redirect = await factory.CreateBrowser().GetAsync("/de/ressources");
        redirect.StatusCode.Should().Be(HttpStatusCode.MovedPermanently, "each culture has its own segment");
        redirect.Headers.Location!.OriginalString.Should().Be("/de/ressourcen");

        var href = System.Text.RegularExpressions.Regex.Match(all, "href=\"(/media/[^\"]+\\.pdf)\"").Groups[1].Value;
        href.Should().NotBeEmpty();
        var file = await client.GetAsync(href);
        file.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        System.Text.Encoding.ASCII.GetString((await file.Content.ReadAsByteArrayAsync())[..5]).Should().Be("%PDF-");

        var page = await client.GetAsync("/fr/ressources/guide-de-l-aidant-transfrontalier");
        page.StatusCode.Should().Be(HttpStatusCode.OK, "a resource has its page below the library");
    }

    [Fact]
    public async Task The_site_search_page_shows_the_pdf_passage_and_its_page_and_resources_link_their_related_resources()
    {
        using var factory = new PortalFactory(recipe: "grande-region");
        var client = factory.CreateClient();
        await SearchSite.CatchUpAsync(factory);

        var french = Browser.Decode(await client.GetStringAsync("/fr/recherche?q=" + Uri.EscapeDataString("relais itinérant Warndt")));
        french.Should().Contain("Guide de l'aidant transfrontalier").And.Contain("Page 2 du document");
        french.Should().Contain("le relais de répit itinérant du Warndt accueille la personne aidée", "the search page shows the passage of the PDF");
        var german = Browser.Decode(await client.GetStringAsync("/de/suche?q=" + Uri.EscapeDataString("mobile Entlastungsstation")));
        german.Should().Contain("Leitfaden für pflegende Angehörige über die Grenze").And.Contain("Seite 2 des Dokuments");

        var paths = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(
            db.ContentItems.Where(i => i.Published && i.ContentType == "Resource"), i => i.ContentItemId, i => i.Culture + "/" + i.Path));
        // Linked one way in the data (the later resource names the earlier one), shown both ways.
        foreach (var (item, related) in new[] { ("gr-res-etat-art-fr", "gr-res-guide-aidant-fr"), ("gr-res-video-sport-de", "gr-res-etat-art-de"),
                     ("gr-res-guide-aidant-fr", "gr-res-etat-art-fr"), ("gr-res-guide-aidant-de", "gr-res-video-sport-de") })
        {
            var html = Browser.Decode(await client.GetStringAsync("/" + paths[item]));
            var section = html[html.IndexOf("id=\"related-title\"", StringComparison.Ordinal)..];
            section.Should().Contain($"href=\"/{paths[related]}\"", $"{item} links its related resource");
        }
        var guide = Browser.Decode(await client.GetStringAsync("/" + paths["gr-res-guide-aidant-fr"]));
        guide.Should().Contain("<h2 id=\"related-title\">Ressources liées</h2>").And.Contain("<li><a href=\"/fr/ressources\">Ressources</a></li>", "the breadcrumb leads to the library");
        var search = Browser.Decode(await client.GetStringAsync("/fr/recherche?q=" + Uri.EscapeDataString("état de l'art bien-vieillir")));
        search.Should().Contain($"href=\"/{paths["gr-res-etat-art-fr"]}\"", "resources appear in the site search");
    }
}
