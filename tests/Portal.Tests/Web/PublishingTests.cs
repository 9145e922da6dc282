using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

public sealed partial class PublishingTests(SharedSite site) : IClassFixture<SharedSite>
{
    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    [GeneratedRegex("name=\"stamp\" value=\"([^\"]+)\"")]
    private static partial Regex Stamp();

    [Fact]
    public async Task An_editor_publishes_a_news_item_in_french_translates_it_and_both_appear_everywhere()
    {
        var browser = site.Factory.CreateBrowser();
        await browser.SignInAsync();
        var created = await browser.PostFormAsync("/admin/content/News/new", "/admin/content/News/new",
        [
            F("TitlePart.Title.Text", "Forum des aidants à Metz"), F("News.Summary.Text", "Rencontres et ateliers pour les proches aidants."),
            F("News.PublicationDate.Value", "2026-11-20"), F("News.Tags.Text", "aidants, Metz"),
            F("HtmlBodyPart.Body.Html", "<p>Le forum réunit les associations.</p><script>alert(1)</script>"),
            F("LocalizationPart.Culture.Text", "fr"), F("submit", "publish"),
        ]);
        created.StatusCode.Should().Be(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var frenchEditor = created.Headers.Location!.OriginalString;
        var frenchId = frenchEditor.Split('/').Last();

        // "Translate to German" makes the linked draft; the editor translates it and publishes.
        (await browser.GetStringAsync(frenchEditor)).Should().Contain("Traduire en allemand");
        var translated = await browser.PostFormAsync(frenchEditor, $"/admin/content/item/{frenchId}/translate/de", []);
        translated.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var germanEditor = translated.Headers.Location!.OriginalString;
        germanEditor.Should().NotBe(frenchEditor);
        var form = await browser.GetStringAsync(germanEditor);
        form.Should().Contain("Forum des aidants à Metz", "the draft starts with the original's texts").And.Contain("Ouvrir la version française");
        var published = await browser.PostFormAsync(germanEditor, germanEditor,
        [
            F("stamp", Stamp().Match(form).Groups[1].Value), F("TitlePart.Title.Text", "Forum für pflegende Angehörige in Metz"),
            F("News.Summary.Text", "Begegnungen und Workshops für pflegende Angehörige."), F("News.PublicationDate.Value", "2026-11-20"),
            F("HtmlBodyPart.Body.Html", "<p>Das Forum bringt die Vereine zusammen.</p>"), F("LocalizationPart.Culture.Text", "de"), F("submit", "publish"),
        ]);
        published.StatusCode.Should().Be(HttpStatusCode.Redirect, await published.Content.ReadAsStringAsync());
        // Asking again does not make a second translation.
        (await browser.PostFormAsync(frenchEditor, $"/admin/content/item/{frenchId}/translate/de", [])).Headers.Location!.OriginalString.Should().Be(germanEditor);

        using var visitor = site.Factory.CreateClient();
        var frenchList = await visitor.GetStringAsync("/fr/actualites");
        var germanList = await visitor.GetStringAsync("/de/aktuelles");
        frenchList.Should().Contain("Forum des aidants à Metz").And.NotContain("Forum für pflegende Angehörige");
        germanList.Should().Contain("Forum für pflegende Angehörige in Metz").And.NotContain("Forum des aidants à Metz");
        var frenchUrl = Regex.Match(frenchList, "href=\"(/fr/actualites/forum[^\"]+)\"").Groups[1].Value;
        var germanUrl = Regex.Match(germanList, "href=\"(/de/aktuelles/forum[^\"]+)\"").Groups[1].Value;
        frenchUrl.Should().NotBeEmpty();
        germanUrl.Should().NotBeEmpty();

        // The language switcher leads from one to the other.
        var frenchPage = await visitor.GetStringAsync(frenchUrl);
        frenchPage.Should().Contain($"href=\"{germanUrl}\" lang=\"de\"").And.Contain("<html lang=\"fr\"").And.NotContain("<script>alert");
        (await visitor.GetStringAsync(germanUrl)).Should().Contain($"href=\"{frenchUrl}\" lang=\"fr\"").And.Contain("<html lang=\"de\"");

        // RSS per culture.
        var frenchRss = XDocument.Parse(await visitor.GetStringAsync("/fr/actualites/rss.xml"));
        frenchRss.Descendants("item").Select(i => (string?)i.Element("title")).Should().Contain("Forum des aidants à Metz").And.NotContain("Forum für pflegende Angehörige in Metz");
        frenchRss.Root!.Element("channel")!.Element("language")!.Value.Should().Be("fr");
        var germanRss = XDocument.Parse(await visitor.GetStringAsync("/de/aktuelles/rss.xml"));
        germanRss.Descendants("item").Select(i => (string?)i.Element("title")).Should().Contain("Forum für pflegende Angehörige in Metz");

        // The sitemap lists both, each with the other as its alternate.
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var sitemap = XDocument.Parse(await visitor.GetStringAsync("/sitemap.xml"));
        var entry = sitemap.Descendants(sm + "url").Single(u => u.Element(sm + "loc")!.Value.EndsWith(frenchUrl));
        entry.Elements(xhtml + "link").Select(l => (string)l.Attribute("hreflang")! + " " + (string)l.Attribute("href")!)
            .Should().Contain(l => l.StartsWith("de ") && l.EndsWith(germanUrl));
        sitemap.Descendants(sm + "loc").Should().Contain(l => l.Value.EndsWith(germanUrl));
    }

    [Fact]
    public async Task A_news_image_without_its_text_alternative_is_refused()
    {
        // The old image-address field is gone from the editor (images come from the media library); an image of the body
        // is refused the same way without its text alternative.
        var browser = site.Factory.CreateBrowser();
        await browser.SignInAsync();
        var response = await browser.PostFormAsync("/admin/content/News/new", "/admin/content/News/new",
        [
            F("TitlePart.Title.Text", "Une image sans texte"), F("News.Summary.Text", "Résumé."), F("HtmlBodyPart.Body.Html", "<p>Le forum.</p><img src=\"/images/forum.jpg\">"),
            F("LocalizationPart.Culture.Text", "fr"), F("submit", "draft"),
        ]);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = Browser.Decode(await response.Content.ReadAsStringAsync());
        page.Should().Contain("l'image « forum.jpg » n'a pas de texte de remplacement (Français) ; décrivez ce qu'elle montre pour qui ne la voit pas")
            .And.Contain("Une image sans texte", "what was typed is kept");
        page.Should().NotContain("name=\"News.Image.Url\"", "the old address field is no longer offered");
    }

    [Theory]
    [InlineData("/fr", "fr")] [InlineData("/de", "de")]
    [InlineData("/fr/actualites", "fr")] [InlineData("/de/aktuelles", "de")]
    [InlineData("/fr/plan-du-site", "fr")] [InlineData("/de/seitenuebersicht", "de")]
    [InlineData("/fr/mentions-legales", "fr")] [InlineData("/de/impressum", "de")]
    [InlineData("/fr/donnees-personnelles", "fr")] [InlineData("/de/datenschutz", "de")]
    [InlineData("/fr/declaration-d-accessibilite", "fr")] [InlineData("/de/erklaerung-zur-barrierefreiheit", "de")]
    [InlineData("/fr/recherche", "fr")] [InlineData("/de/suche", "de")]
    [InlineData("/fr/carte", "fr")] [InlineData("/de/karte", "de")]
    public async Task Every_public_page_answers_in_its_language_with_the_menus_and_legal_links(string url, string culture)
    {
        using var client = site.Factory.CreateClient();
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain($"<html lang=\"{culture}\"").And.Contain("hreflang=\"fr\"").And.Contain("hreflang=\"de\"");
        html.Should().Contain(culture == "fr" ? "Déclaration d&#x27;accessibilit" : "Erklärung zur Barrierefreiheit");
        html.Should().Contain(culture == "fr" ? "href=\"/fr/actualites\"" : "href=\"/de/aktuelles\"");
    }

    [Fact]
    public async Task A_page_given_a_footer_place_is_in_every_footer_at_once_and_leaves_it_when_unpublished()
    {
        var browser = site.Factory.CreateBrowser();
        await browser.SignInAsync();
        using var visitor = site.Factory.CreateClient();
        // The menus are read once and kept in memory: the publish must reach them.
        (await visitor.GetStringAsync("/fr/actualites")).Should().NotContain("Charte des bénévoles");
        var created = await browser.PostFormAsync("/admin/content/Page/new", "/admin/content/Page/new",
        [
            F("TitlePart.Title.Text", "Charte des bénévoles"), F("Page.FooterOrder.Value", "7"),
            F("HtmlBodyPart.Body.Html", "<p>Ce que les bénévoles s'engagent à faire.</p>"), F("LocalizationPart.Culture.Text", "fr"), F("submit", "publish"),
        ]);
        created.StatusCode.Should().Be(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var editor = created.Headers.Location!.OriginalString;
        var footer = Regex.Match(await visitor.GetStringAsync("/fr/actualites"), "<footer.*</footer>", RegexOptions.Singleline).Value;
        footer.Should().MatchRegex("href=\"/fr/charte-des-benevoles\"[^>]*>Charte des bénévoles<");
        (await visitor.GetStringAsync("/de/aktuelles")).Should().NotContain("Charte des bénévoles", "a French page is not in the German menus");

        (await browser.PostFormAsync(editor, editor + "/unpublish", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await visitor.GetStringAsync("/fr/actualites")).Should().NotContain("Charte des bénévoles");
    }

    [Fact]
    public async Task Robots_and_the_switcher_for_a_page_without_translation()
    {
        using var client = site.Factory.CreateClient();
        var robots = await client.GetStringAsync("/robots.txt");
        robots.Should().Contain("Disallow: /admin").And.Contain("Sitemap: http://localhost/sitemap.xml");
        // A page without a German version: the switcher leads to the German home page, which says why.
        (await client.GetStringAsync("/fr/actualites/rss.xml")).Should().StartWith("<?xml");
        var german = await client.GetStringAsync("/de?untranslated=1");
        german.Should().Contain("Die Seite, von der Sie kommen, gibt es nicht in dieser Sprache");
    }
}

public sealed class ListExportTests(SharedSite site) : IClassFixture<SharedSite>
{
    [Fact]
    public async Task A_back_office_list_downloads_as_csv_with_its_filters_and_no_formula_runs()
    {
        await site.Factory.WithScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<Portal.Core.Content.IContentManager>();
            foreach (var title in new[] { "=HYPERLINK(\"http://evil.example\";\"clic\")", "+33 1 23 45 67 89 ; page", "@SUM(A1)" })
            {
                var page = await manager.NewAsync("Page");
                page.Data = System.Text.Json.Nodes.JsonNode.Parse($$"""
                    { "TitlePart": { "Title": { "Text": {{System.Text.Json.JsonSerializer.Serialize(title)}} } }, "Page": { "Summary": { "Text": "-1+1" } },
                      "LocalizationPart": { "Culture": { "Text": "fr" } } }
                    """)!.AsObject();
                (await manager.CreateAsync(page)).Succeeded.Should().BeTrue();
            }
        });
        var browser = site.Factory.CreateBrowser();
        await browser.SignInAsync();
        (await browser.GetStringAsync("/admin/content/Page")).Should().Contain("format=csv");
        var response = await browser.GetAsync("/admin/content/Page?format=csv&q=HYPERLINK");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var text = System.Text.Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        text.Should().StartWith("\uFEFFid;");
        var lines = text.TrimEnd().Split("\r\n");
        lines.Should().HaveCount(2, "the header and the one page the filter keeps");
        lines[1].Should().Contain("\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"clic\"\")\"").And.Contain(";'-1+1");

        var all = System.Text.Encoding.UTF8.GetString(await browser.GetByteArrayAsync("/admin/content/Page?format=csv"));
        all.Should().Contain("\"'+33 1 23 45 67 89 ; page\"").And.Contain("'@SUM(A1)").And.NotContain(";=").And.NotContain(";+").And.NotContain(";@");
        (await browser.GetAsync("/admin/content/Page?format=xls")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var anonymous = site.Factory.CreateBrowser();
        (await anonymous.GetAsync("/admin/content/Page?format=csv")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}
