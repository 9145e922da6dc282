using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Media.Data;
using Portal.Media.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Media;

/// <summary>News, pages and events show images of the media library: resized copies in srcset, the alternative text of the page's language.</summary>
public sealed class MediaImagesInContentTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task News_pages_and_events_show_the_library_image_responsive_with_the_alt_text_of_their_language(string provider)
    {
        using var factory = new PortalFactory(provider);
        var image = await MediaContent.UploadImageAsync(factory);
        var items = new[]
        {
            ("fr", await MediaContent.NewsAsync(factory, "fr", "Atelier peinture", image.Id), MediaContent.AltFr),
            ("de", await MediaContent.NewsAsync(factory, "de", "Malworkshop", image.Id), MediaContent.AltDe),
            ("fr", await MediaContent.PageAsync(factory, "fr", "Nos ateliers", image.Id), MediaContent.AltFr),
            ("de", await MediaContent.PageAsync(factory, "de", "Unsere Workshops", image.Id), MediaContent.AltDe),
            ("fr", await MediaContent.EventAsync(factory, "fr", "Atelier peinture de mai", image.Id), MediaContent.AltFr),
            ("de", await MediaContent.EventAsync(factory, "de", "Malworkshop im Mai", image.Id), MediaContent.AltDe),
        };
        var client = factory.CreateClient();
        foreach (var (culture, result, alt) in items)
        {
            result.Succeeded.Should().BeTrue(string.Join(" ", result.Validation.Errors.Select(e => e.Message)));
            var url = $"/{culture}/{result.Item!.Path}";
            var html = await client.GetStringAsync(url);
            var shown = MediaContent.LibraryImages(html).Should().ContainSingle($"{url} shows its image once").Subject;
            shown.Src.Should().Be(Portal.Media.Services.MediaPaths.Url(image));
            shown.Srcset.Should().Contain("/w320/").And.Contain("320w").And.Contain("640w", "the resized copies are offered");
            shown.Alt.Should().Be(alt, $"{url} describes the image in its language");
            (await client.GetAsync(shown.Src)).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task An_image_without_alt_text_in_the_news_language_cannot_be_inserted_and_old_address_images_still_show()
    {
        using var factory = new PortalFactory();
        var undescribed = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MediaDbContext>();
            var item = new MediaItem
            {
                Id = Portal.Core.Content.IdGenerator.New(), Kind = MediaKind.Image, FileName = "old.jpg", ContentType = "image/jpeg", Extension = "jpg",
                AltTexts = "{\"fr\":\"Une photo\"}", Width = 10, Height = 10,
            };
            db.MediaItems.Add(item);
            await db.SaveChangesAsync();
            return item;
        });

        var refused = await MediaContent.NewsAsync(factory, "de", "Ohne Beschreibung", undescribed.Id);
        refused.Succeeded.Should().BeFalse();
        refused.Validation.Errors.Should().Contain(e => e.Key == "News.Picture" && e.Message.Contains("no alternative text"));
        (await MediaContent.NewsAsync(factory, "fr", "Avec description", undescribed.Id)).Succeeded.Should().BeTrue();

        var legacy = await MediaContent.CreateAsync(factory, "News", """
            { "TitlePart": { "Title": { "Text": "Ancienne actualité" } }, "LocalizationPart": { "Culture": { "Text": "fr" } },
              "News": { "Summary": { "Text": "Avant la médiathèque." }, "Image": { "Url": "https://images.example.org/fete.jpg" }, "ImageAlt": { "Text": "La fête des voisins" } } }
            """);
        legacy.Succeeded.Should().BeTrue();
        var html = Browser.Decode(await factory.CreateClient().GetStringAsync($"/fr/{legacy.Item!.Path}"));
        html.Should().Contain("src=\"https://images.example.org/fete.jpg\" alt=\"La fête des voisins\"", "an image given by its address before the library keeps showing");
    }
}
