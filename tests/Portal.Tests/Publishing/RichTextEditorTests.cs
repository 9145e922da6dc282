using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Media.Services;
using Portal.Tests.Infrastructure;
using Portal.Tests.Media;

namespace Portal.Tests.Publishing;

/// <summary>
/// The rich-text editor of the HTML fields: its markup on every Html field editor (toolbar, dialogs, words in the editor's
/// language, the library's images), what the server keeps of the HTML it is sent, and images that must say what they show.
/// </summary>
public sealed partial class RichTextEditorTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    [GeneratedRegex("<div class=\"rte\"[^>]*>")]
    private static partial Regex EditorBlock();

    [Theory, MemberData(nameof(Providers))]
    public async Task Saving_html_with_a_script_an_onerror_or_a_javascript_link_keeps_only_the_safe_markup(string provider)
    {
        using var factory = new PortalFactory(provider);
        var browser = factory.CreateBrowser();
        await browser.SignInAsync();
        var saved = await browser.PostFormAsync("/admin/content/News/new", "/admin/content/News/new",
        [
            F("TitlePart.Title.Text", "Atelier d'écriture"), F("News.Summary.Text", "Un atelier pour les aidants."),
            F("HtmlBodyPart.Body.Html", "<h2>Programme</h2><ul><li>Lundi</li></ul><blockquote><p>Venez !</p></blockquote>"
                + "<p><a href=\"https://example.org/inscription\">S'inscrire</a> <a href=\"javascript:alert(3)\">piège</a></p>"
                + "<img src=\"/media/x/1/photo.jpg\" alt=\"Une salle\" onerror=\"alert(1)\"><script>alert(2)</script>"
                + "<p onclick=\"alert(4)\" style=\"color:red\"><strong>Gras</strong> <em>italique</em></p>"),
            F("LocalizationPart.Culture.Text", "fr"), F("submit", "publish"),
        ]);
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var id = saved.Headers.Location!.OriginalString.Split('/').Last();

        var stored = await factory.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ContentItems.AsNoTracking()
            .SingleAsync(i => i.ContentItemId == id && i.Latest));
        var html = stored.Field("HtmlBodyPart", "Body")!["Html"]!.GetValue<string>();
        html.Should().NotContain("<script").And.NotContain("onerror").And.NotContain("onclick").And.NotContain("javascript:").And.NotContain("style=");
        html.Should().Contain("<h2>Programme</h2>").And.Contain("<li>Lundi</li>").And.Contain("<blockquote>")
            .And.Contain("href=\"https://example.org/inscription\"").And.Contain("<img src=\"/media/x/1/photo.jpg\" alt=\"Une salle\">")
            .And.Contain("<strong>Gras</strong>").And.Contain("<em>italique</em>");

        var page = await factory.CreateClient().GetStringAsync($"/fr/{stored.Path}");
        page.Should().Contain("<h2>Programme</h2>").And.NotContain("alert(");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_image_without_alt_text_in_the_german_version_is_refused_on_the_body_and_what_was_typed_is_kept(string provider)
    {
        using var factory = new PortalFactory(provider);
        var image = await MediaContent.UploadImageAsync(factory);
        var src = MediaPaths.Url(image, 640);
        var browser = factory.CreateBrowser();
        await browser.SignInAsync();

        var french = await browser.PostFormAsync("/admin/content/News/new", "/admin/content/News/new",
        [
            F("TitlePart.Title.Text", "Atelier peinture"), F("News.Summary.Text", "Un atelier."),
            F("HtmlBodyPart.Body.Html", $"<p>Au centre social.</p><img src=\"{src}\" alt=\"{MediaContent.AltFr}\">"),
            F("LocalizationPart.Culture.Text", "fr"), F("submit", "publish"),
        ]);
        french.StatusCode.Should().Be(HttpStatusCode.Redirect, "the French version describes its image");

        var body = $"<p>Im Sozialzentrum.</p><img src=\"{src}\" alt=\" \">";
        var german = await browser.PostFormAsync("/admin/content/News/new", "/admin/content/News/new",
        [
            F("TitlePart.Title.Text", "Malworkshop"), F("News.Summary.Text", "Ein Workshop für Angehörige."),
            F("HtmlBodyPart.Body.Html", body), F("LocalizationPart.Culture.Text", "de"), F("submit", "publish"),
        ]);
        german.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var form = Browser.Decode(await german.Content.ReadAsStringAsync());
        var message = "l'image « atelier.jpg » n'a pas de texte de remplacement (Deutsch)";
        form.Should().Contain($"<a href=\"#HtmlBodyPart_Body\">Texte : {message}", "the summary leads to the field");
        form.Should().MatchRegex($"<p class=\"field-error\" id=\"HtmlBodyPart_Body-error\">[^<]*{Regex.Escape(message)}", "the message stands on the field");
        form.Should().Contain("Malworkshop").And.Contain("Ein Workshop für Angehörige.").And.Contain(body, "nothing typed is lost");
        (await factory.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ContentItems.CountAsync(i => i.DisplayText == "Malworkshop")))
            .Should().Be(0, "nothing was saved");
    }

    [Fact]
    public async Task Every_html_field_editor_renders_the_rich_text_editor_in_the_editors_language_with_the_library_images()
    {
        using var factory = new PortalFactory();
        var image = await MediaContent.UploadImageAsync(factory);
        var browser = factory.CreateBrowser();
        await browser.SignInAsync();

        var types = await factory.WithScopeAsync(async sp => (await sp.GetRequiredService<IContentDefinitionStore>().ListTypesAsync()).Select(t => t.Name).ToList());
        types.Should().Contain(["News", "Page"]);
        foreach (var type in new[] { "News", "Page" })
        {
            var page = Browser.Decode(await browser.GetStringAsync($"/admin/content/{type}/new"));
            page.Should().Contain("<textarea id=\"HtmlBodyPart_Body\" name=\"HtmlBodyPart.Body.Html\"", "without JavaScript the textarea works alone");
            EditorBlock().Match(page).Value.Should().Contain("hidden").And.Contain("data-textarea=\"HtmlBodyPart_Body\"", "the editor shows only once the script runs");
            page.Should().Contain("role=\"toolbar\" aria-label=\"Mise en forme : Texte\"");
            foreach (var name in new[] { "Titre", "Sous-titre", "Gras", "Italique", "Liste à puces", "Liste numérotée", "Citation", "Lien", "Image" })
                page.Should().MatchRegex($"<button type=\"button\" class=\"rte-button\" data-action=\"[a-zA-Z0-9]+\"[^>]*>(<strong>|<em>)?{Regex.Escape(name)}<", $"the toolbar has “{name}”");
            page.Should().Contain("aria-pressed=\"false\"").And.Contain("<script src=\"/_content/Portal.Contents/lib/rte/rte.js?v=");
            page.Should().Contain($"data-src=\"{MediaPaths.Url(image, 640)}\"").And.Contain($"data-alt=\"{MediaContent.AltFr}\"", "the library's images are offered with their alt text");
        }
        (await factory.CreateClient().GetAsync("/_content/Portal.Contents/lib/rte/rte.js")).StatusCode.Should().Be(HttpStatusCode.OK, "the bundle is served");

        var german = await browser.PostFormAsync("/admin", "/admin/culture", [F("culture", "de"), F("returnUrl", "/admin/content/Page/new")]);
        german.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var germanPage = Browser.Decode(await browser.GetStringAsync("/admin/content/Page/new"));
        germanPage.Should().Contain("aria-label=\"Formatierung: ").And.Contain(">Überschrift<").And.Contain("<strong>Fett</strong>").And.Contain(">Aufzählung<")
            .And.Contain(">Zitat<").And.Contain(">Bild aus der Mediathek<");
    }
}
