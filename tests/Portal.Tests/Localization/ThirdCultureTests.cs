using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Localization;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Localization;

/// <summary>A language is data: English comes from configuration and a PO file of this test project, with no code.</summary>
public sealed class ThirdCultureTests
{
    private static PortalFactory EnglishSite()
    {
        var po = Path.Combine(PoTests.FindRepositoryRoot(), "tests", "Portal.Tests", "Localization", "Fixtures", "en.po");
        return new PortalFactory()
            .WithSetting("Portal:Cultures:0:Code", "fr").WithSetting("Portal:Cultures:0:Name", "Français")
            .WithSetting("Portal:Cultures:1:Code", "de").WithSetting("Portal:Cultures:1:Name", "Deutsch")
            .WithSetting("Portal:Cultures:2:Code", "en").WithSetting("Portal:Cultures:2:Name", "English")
            .WithSetting("Portal:Localization:PoFiles:0", po);
    }

    private static void SpeaksEnglishAndLinksToAllThree(string page)
    {
        page.Should().Contain("<html lang=\"en\"").And.Contain("Skip to the content", "the English PO file is loaded");
        foreach (var (code, name) in new[] { ("fr", "Français"), ("de", "Deutsch"), ("en", "English") })
        {
            page.Should().Contain($"rel=\"alternate\" hreflang=\"{code}\"");
            page.Should().MatchRegex($"<a href=\"[^\"]*\" lang=\"{code}\" hreflang=\"{code}\"[^>]*>{name}</a>", "the language switcher lists every culture");
        }
    }

    [Fact]
    public async Task A_third_culture_is_configuration_and_a_po_file()
    {
        await using var factory = EnglishSite();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var root = new HttpRequestMessage(HttpMethod.Get, "/");
        root.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9,fr;q=0.5");
        (await client.SendAsync(root)).Headers.Location!.OriginalString.Should().Be("/en");

        SpeaksEnglishAndLinksToAllThree(await client.GetStringAsync("/en"));
        // Without its own segments, English uses the default culture's: /en/recherche, /en/carte.
        var search = await client.GetStringAsync("/en/recherche?q=piscine");
        SpeaksEnglishAndLinksToAllThree(search);
        search.Should().Contain("hreflang=\"en\" href=\"http://localhost/en/recherche?q=piscine\"");
        SpeaksEnglishAndLinksToAllThree(await client.GetStringAsync("/en/carte"));
        (await client.GetAsync("/xx/recherche")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a culture outside the catalogue has no pages");

        var path = await factory.WithScopeAsync(async sp =>
        {
            // The language list of items is site data: a site that adds a language adds it there (as a recipe would).
            await sp.GetRequiredService<IContentDefinitionStore>().AlterPartAsync(Portal.Core.Content.Parts.BuiltInParts.Localization, p => p
                .WithField("Culture", "Text", "Langue", "Sprache", s =>
                {
                    s.Required = true;
                    s.Options = [new() { Value = "fr", Label = "Français" }, new() { Value = "de", Label = "Allemand" }, new() { Value = "en", Label = "Anglais" }];
                }));
            var manager = sp.GetRequiredService<IContentManager>();
            var page = await manager.NewAsync("Page");
            page.Data = System.Text.Json.Nodes.JsonNode.Parse("""
                { "TitlePart": { "Title": { "Text": "About the portal" } }, "LocalizationPart": { "Culture": { "Text": "en" } } }
                """)!.AsObject();
            (await manager.CreateAsync(page, publish: true)).Succeeded.Should().BeTrue();
            return (await manager.GetAsync(page.ContentItemId))!.Path!;
        });
        var entry = await client.GetStringAsync($"/en/{path}");
        entry.Should().Contain("About the portal").And.Contain("<html lang=\"en\"");

        var sitemap = await client.GetStringAsync("/sitemap.xml");
        sitemap.Should().Contain("<loc>http://localhost/en</loc>").And.Contain("<loc>http://localhost/en/recherche</loc>")
            .And.Contain($"<loc>http://localhost/en/{path}</loc>").And.Contain("hreflang=\"en\"");

        factory.Services.GetRequiredService<Cultures>().Supported.Should().Equal("fr", "de", "en");
        await TheBackOfficeOffersEnglishAsync(factory);
        await TheSiteNameTakesAnEnglishTextAsync(factory, client);
    }

    /// <summary>The editors list every culture of the catalogue: the term editor has an English label input, the content editor a "translate" button to English.</summary>
    private static async Task TheBackOfficeOffersEnglishAsync(PortalFactory factory)
    {
        using var browser = factory.CreateBrowser();
        await browser.SignInAsync();
        var term = await browser.GetStringAsync("/admin/taxonomies/languages/terms/lb");
        foreach (var (input, code) in new[] { ("Fr", "fr"), ("De", "de"), ("En", "en") })
            term.Should().MatchRegex($"<input type=\"text\" id=\"{input}\" name=\"{input}\" value=\"[^\"]*\" lang=\"{code}\"", "one label input per culture");

        var french = await factory.WithDbAsync(db => db.ContentItems.Where(i => i.Latest && i.ContentType == "Page" && i.Culture == "fr")
            .Select(i => i.ContentItemId).FirstAsync());
        var editor = await browser.GetStringAsync($"/admin/content/item/{french}");
        editor.Should().Contain($"action=\"/admin/content/item/{french}/translate/en\"", "an English translation can be started");
        var translated = await browser.PostFormAsync($"/admin/content/item/{french}", $"/admin/content/item/{french}/translate/en", []);
        translated.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await factory.WithDbAsync(db => db.ContentItems.CountAsync(i => i.Latest && i.Culture == "en" && i.LocalizationSet != null && i.ContentType == "Page")))
            .Should().BeGreaterThan(0, "the English draft joins the item's translations");
    }

    /// <summary>A recipe's Settings step gives the site name an English text; the other cultures keep theirs.</summary>
    private static async Task TheSiteNameTakesAnEnglishTextAsync(PortalFactory factory, HttpClient client)
    {
        var frenchName = (await factory.WithScopeAsync(sp => sp.GetRequiredService<Portal.Core.Settings.IDocumentStore>()
            .GetAsync<Portal.Core.Settings.SiteSettings>(Portal.Core.Settings.DocumentKeys.SiteSettings))).SiteNameFor("fr", factory.Services.GetRequiredService<Cultures>());
        var path = Path.Combine(factory.DataDirectory, "english.recipe.json");
        await File.WriteAllTextAsync(path, """{ "name": "english", "steps": [ { "name": "Settings", "SiteName": { "en": "Ageing well across borders" } } ] }""");
        await factory.WithScopeAsync(sp => sp.GetRequiredService<Portal.Core.Recipes.RecipeExecutor>().ExecuteAsync(path));

        // Pages not asked for before, so that no cached copy answers.
        (await client.GetStringAsync("/en/recherche?q=ageing")).Should().Contain("Ageing well across borders");
        System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/fr/recherche?q=ageing")).Should().Contain(frenchName).And.NotContain("Ageing well across borders");
    }

    [Fact]
    public void Without_configuration_the_site_speaks_french_then_german()
    {
        var cultures = Cultures.FromConfiguration(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        cultures.Supported.Should().Equal("fr", "de");
        cultures.Default.Should().Be("fr");
        cultures.NameOf("de").Should().Be("Deutsch");
    }

    [Fact]
    public void A_culture_without_its_own_segment_uses_the_default_cultures()
    {
        var table = new RouteTable().Add("search", ("fr", "recherche"), ("de", "suche"));
        table.Path("search", "de").Should().Be("/de/suche");
        table.Path("search", "en").Should().Be("/en/recherche");
        table.KeyOf("suche").Should().Be("search");
        table.Matches("search", "carte").Should().BeFalse();
    }
}
