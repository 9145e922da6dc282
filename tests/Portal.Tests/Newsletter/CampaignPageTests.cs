using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Media.Data;
using Portal.Tests.Infrastructure;
using Portal.Tests.Media;

namespace Portal.Tests.Newsletter;

/// <summary>A campaign landing page: its hero image with the alternative text of its language, its calls to action, its kit to download, its metadata and sitemap entry.</summary>
public sealed class CampaignPageTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_campaign_page_shows_its_hero_with_its_alternative_text_its_actions_and_its_kit_downloads(string provider)
    {
        using var factory = new PortalFactory(provider);
        var image = await MediaContent.UploadImageAsync(factory);
        using var editor = factory.CreateBrowser();
        await editor.SignInAsync();
        (await MediaSamples.UploadAsync(editor, "affiche-a3.pdf", MediaSamples.Pdf("Affiche"), ("Title", "Affiche A3"), ("Culture", "fr"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var poster = await factory.WithScopeAsync(sp => sp.GetRequiredService<MediaDbContext>().MediaItems.AsNoTracking().SingleAsync(m => m.FileName == "affiche-a3.pdf"));

        foreach (var (culture, title, search) in new[] { ("fr", "Bien vieillir ensemble", "/fr/recherche?q=aidants"), ("de", "Gemeinsam gut älter werden", "/de/suche?q=angehoerige") })
        {
            var created = await MediaContent.CreateAsync(factory, "Campaign", $$"""
                { "TitlePart": { "Title": { "Text": "{{title}}" } }, "LocalizationPart": { "Culture": { "Text": "{{culture}}" } },
                  "Campaign": { "Summary": { "Text": "{{title}} : la campagne." }, "Hero": { "MediaIds": [ "{{image.Id}}" ] },
                    "Message": { "Markdown": "Chacun peut **agir**." },
                    "Action1": { "Url": "{{search}}", "Text": "{{title}} — chercher" }, "Action1Text": { "Text": "Près de chez vous." },
                    "Kit": { "MediaIds": [ "{{poster.Id}}", "{{image.Id}}" ] } } }
                """);
            created.Succeeded.Should().BeTrue(string.Join(" ", created.Validation.Errors.Select(e => e.Message)));
            var path = $"/{culture}/{created.Item!.Path}";
            path.Should().StartWith(culture == "fr" ? "/fr/campagne/" : "/de/kampagne/");

            var html = Browser.Decode(await editor.GetStringAsync(path));
            var hero = MediaContent.LibraryImages(html).First();
            hero.Alt.Should().Be(culture == "fr" ? MediaContent.AltFr : MediaContent.AltDe);
            html.Should().Contain("class=\"campaign-hero-image\"").And.Contain($"<title>{title} · ")
                .And.Contain($"<meta name=\"description\" content=\"{title} : la campagne.\">")
                .And.Contain($"href=\"{search}\"").And.Contain("Près de chez vous.")
                .And.Contain($"href=\"/media/{poster.Id}/1/affiche-a3.pdf\" download").And.Contain($"href=\"/media/{image.Id}/1/{image.FileName}\" download");
            (await editor.GetAsync($"/media/{poster.Id}/1/affiche-a3.pdf")).StatusCode.Should().Be(HttpStatusCode.OK, "the kit's file downloads");

            var sitemap = await editor.GetStringAsync("/sitemap.xml");
            sitemap.Should().Contain("http://localhost" + path);
        }
    }
}
