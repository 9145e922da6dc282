using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Media.Data;
using Portal.Media.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Media;

/// <summary>The media library through its back-office forms and its public file addresses.</summary>
public sealed class MediaLibraryTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static async Task<HttpClient> AdminAsync(PortalFactory factory)
    {
        var client = factory.CreateBrowser();
        (await client.SignInAsync()).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }

    private static Task<List<MediaItem>> ItemsAsync(PortalFactory factory) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<MediaDbContext>().MediaItems.AsNoTracking().ToListAsync());

    private static readonly (string, string)[] DocumentTexts = [("Title", "Guide des aidants"), ("Culture", "fr"), ("Tags", "Guide, Aidants")];

    [Theory, MemberData(nameof(Providers))]
    public async Task An_executable_renamed_to_pdf_is_refused_by_its_content(string provider)
    {
        using var factory = new PortalFactory(provider);
        var client = await AdminAsync(factory);

        var response = await MediaSamples.UploadAsync(client, "guide.pdf", MediaSamples.Executable(), DocumentTexts);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var html = Browser.Decode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("id=\"File-error\"").And.Contain("Son contenu a été vérifié, pas son nom.", "the page speaks French");
        html.Should().Contain("value=\"Guide des aidants\"", "what the person typed is kept");
        (await ItemsAsync(factory)).Should().BeEmpty();
        System.IO.Directory.Exists(Path.Combine(factory.DataDirectory, "media")).Should().BeFalse("nothing was stored");
    }

    [Fact]
    public async Task An_oversized_file_is_refused()
    {
        using var factory = new PortalFactory().WithSetting("Portal:Media:MaxDocumentBytes", "600").WithSetting("Portal:Media:MaxImageBytes", "600");
        var client = await AdminAsync(factory);
        var pdf = MediaSamples.Pdf(new string('x', 800));

        var response = await MediaSamples.UploadAsync(client, "big.pdf", pdf, DocumentTexts);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Browser.Decode(await response.Content.ReadAsStringAsync()).Should().Contain("Le fichier est trop volumineux");
        (await ItemsAsync(factory)).Should().BeEmpty();
        (await MediaSamples.UploadAsync(client, "small.pdf", MediaSamples.Pdf("ok"), DocumentTexts)).StatusCode.Should().Be(HttpStatusCode.Redirect, "a file under the limit goes in");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_jpeg_loses_its_exif_gps_data_and_gets_resized_copies(string provider)
    {
        using var factory = new PortalFactory(provider);
        var client = await AdminAsync(factory);
        var jpeg = MediaSamples.JpegWithGps();
        MediaSamples.Contains(jpeg, MediaSamples.GpsMarker).Should().BeTrue("the sample carries GPS data");

        var response = await MediaSamples.UploadAsync(client, "Photo atelier.JPG", jpeg, ("Alt[fr]", "Un atelier de peinture"), ("Alt[de]", "Ein Malworkshop"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var item = (await ItemsAsync(factory)).Should().ContainSingle().Subject;
        item.Kind.Should().Be(MediaKind.Image);
        item.FileName.Should().Be("photo-atelier.jpg");
        item.ResizedWidths.Should().Equal(320, 640);
        var visitor = factory.CreateClient();
        foreach (var url in new[] { Portal.Media.Services.MediaPaths.Url(item), Portal.Media.Services.MediaPaths.Url(item, 320) })
        {
            var served = await visitor.GetAsync(url);
            served.StatusCode.Should().Be(HttpStatusCode.OK);
            served.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
            served.Headers.CacheControl!.ToString().Should().Contain("immutable").And.Contain("max-age=31536000");
            var bytes = await served.Content.ReadAsByteArrayAsync();
            MediaSamples.Contains(bytes, MediaSamples.GpsMarker).Should().BeFalse();
            MediaSamples.Contains(bytes, "Exif\0\0"u8.ToArray()).Should().BeFalse("no EXIF block is kept");
        }
    }

    [Fact]
    public async Task The_upload_form_shows_an_error_per_missing_text_and_keeps_the_rest()
    {
        using var factory = new PortalFactory();
        var client = await AdminAsync(factory);

        var response = await MediaSamples.UploadAsync(client, "photo.jpg", MediaSamples.JpegWithGps(), ("Alt[fr]", "Un atelier"), ("Tags", "atelier"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var html = Browser.Decode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("id=\"Alt_de-error\"").And.NotContain("id=\"Alt_fr-error\"");
        html.Should().Contain("value=\"Un atelier\"").And.Contain("value=\"atelier\"");
        (await ItemsAsync(factory)).Should().BeEmpty();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Replacing_a_file_keeps_its_address_and_serves_the_new_bytes(string provider)
    {
        using var factory = new PortalFactory(provider);
        var client = await AdminAsync(factory);
        (await MediaSamples.UploadAsync(client, "guide.pdf", MediaSamples.Pdf("first"), DocumentTexts)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var before = (await ItemsAsync(factory)).Single();
        var stable = Portal.Media.Services.MediaPaths.StableUrl(before);
        var first = await client.GetAsync(stable);
        first.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        first.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");

        (await MediaSamples.ReplaceAsync(client, before.Id, "other-name.pdf", MediaSamples.Pdf("second"))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var after = (await ItemsAsync(factory)).Single();
        after.Id.Should().Be(before.Id);
        after.Version.Should().Be(before.Version + 1);
        System.Text.Encoding.ASCII.GetString(await client.GetByteArrayAsync(stable)).Should().Contain("(second)");
        var old = await client.GetAsync(Portal.Media.Services.MediaPaths.Url(before));
        old.StatusCode.Should().Be(HttpStatusCode.Redirect, "the old version's address leads to the current file");
        old.Headers.Location!.OriginalString.Should().Be(Portal.Media.Services.MediaPaths.Url(after));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_image_without_alternative_text_cannot_be_inserted_and_a_used_file_cannot_be_deleted(string provider)
    {
        using var factory = new PortalFactory(provider);
        var client = await AdminAsync(factory);
        await factory.WithScopeAsync(sp => sp.GetRequiredService<IContentDefinitionStore>().AlterPartAsync("Page",
            p => p.WithField("Image", "MediaPicker", "Image", "Bild", s => s.Extra = new JsonObject { ["Kind"] = MediaKind.Image })));
        (await MediaSamples.UploadAsync(client, "photo.jpg", MediaSamples.JpegWithGps(), ("Alt[fr]", "Un atelier"), ("Alt[de]", "Ein Workshop"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var described = (await ItemsAsync(factory)).Single();
        // An image from before a language was added: no alternative text in German.
        var undescribed = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MediaDbContext>();
            var copy = new MediaItem
            {
                Id = IdGenerator.New(), Kind = MediaKind.Image, FileName = "old.jpg", ContentType = "image/jpeg", Extension = "jpg",
                AltTexts = "{\"fr\":\"Une photo\"}", Width = 10, Height = 10,
            };
            db.MediaItems.Add(copy);
            await db.SaveChangesAsync();
            return copy;
        });

        async Task<ContentResult> PageWithAsync(string mediaId, string culture) => await factory.WithScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<IContentManager>();
            var page = await manager.NewAsync("Page");
            page.Data = JsonNode.Parse($$"""
                { "TitlePart": { "Title": { "Text": "Atelier" } }, "LocalizationPart": { "Culture": { "Text": "{{culture}}" } },
                  "Page": { "Image": { "MediaIds": ["{{mediaId}}"] } } }
                """)!.AsObject();
            return await manager.CreateAsync(page, publish: true);
        });

        var refused = await PageWithAsync(undescribed.Id, "de");
        refused.Succeeded.Should().BeFalse();
        refused.Validation.Errors.Should().Contain(e => e.Key == "Page.Image" && e.Message.Contains("no alternative text"));
        (await PageWithAsync(undescribed.Id, "fr")).Succeeded.Should().BeTrue("it has its French text");
        var page = await PageWithAsync(described.Id, "de");
        page.Succeeded.Should().BeTrue();

        var edit = Browser.Decode(await client.GetStringAsync($"/admin/media/{described.Id}"));
        edit.Should().Contain($"/admin/content/item/{page.Item!.ContentItemId}", "the file lists where it is used");
        var token = await client.TokenAsync($"/admin/media/{described.Id}");
        var delete = await client.PostAsync($"/admin/media/{described.Id}/delete", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        delete.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ItemsAsync(factory)).Should().Contain(m => m.Id == described.Id);
        (await client.GetAsync(Portal.Media.Services.MediaPaths.Url(described))).StatusCode.Should().Be(HttpStatusCode.OK);

        (await MediaSamples.UploadAsync(client, "unused.pdf", MediaSamples.Pdf("unused"), DocumentTexts)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var unused = (await ItemsAsync(factory)).Single(m => m.FileName == "unused.pdf");
        (await client.PostAsync($"/admin/media/{unused.Id}/delete", new FormUrlEncodedContent([new("__RequestVerificationToken", token)])))
            .StatusCode.Should().Be(HttpStatusCode.Redirect, "a file nothing uses can be deleted");
        (await ItemsAsync(factory)).Should().NotContain(m => m.Id == unused.Id);
        (await client.GetAsync(Portal.Media.Services.MediaPaths.StableUrl(unused))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_document_needs_its_title_and_language_and_the_library_filters_by_tag()
    {
        using var factory = new PortalFactory();
        var client = await AdminAsync(factory);

        var refused = await MediaSamples.UploadAsync(client, "compte-rendu.pdf", MediaSamples.Pdf("report"), ("Tags", "atelier"));
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var html = Browser.Decode(await refused.Content.ReadAsStringAsync());
        html.Should().Contain("id=\"Title-error\"").And.Contain("Saisissez le titre du document.");
        html.Should().Contain("id=\"Culture-error\"").And.Contain("Choisissez la langue du document.");
        html.Should().NotContain("id=\"Alt_fr-error\"", "a document needs no alternative text");
        (await ItemsAsync(factory)).Should().BeEmpty();

        (await MediaSamples.UploadAsync(client, "guide.pdf", MediaSamples.Pdf("guide"), DocumentTexts)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await MediaSamples.UploadAsync(client, "compte-rendu.pdf", MediaSamples.Pdf("report"), ("Title", "Compte rendu d'atelier"), ("Culture", "de"), ("Tags", "Atelier")))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var report = (await ItemsAsync(factory)).Single(m => m.FileName == "compte-rendu.pdf");
        report.Culture.Should().Be("de");
        report.TagList.Should().Equal("atelier");

        var tagged = Browser.Decode(await client.GetStringAsync("/admin/media?tag=atelier"));
        tagged.Should().Contain("Compte rendu d'atelier").And.NotContain("Guide des aidants</a>");
        tagged.Should().Contain("<option value=\"aidants\"").And.Contain("<option value=\"guide\"", "the tags are offered as filters");
    }
}
