using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Media.Data;
using Portal.Media.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Media;

/// <summary>A described image in the library, and the news, page and event (French and German) that show it.</summary>
public static class MediaContent
{
    public const string AltFr = "Un atelier de peinture au centre social";
    public const string AltDe = "Ein Malworkshop im Sozialzentrum";

    public static async Task<MediaItem> UploadImageAsync(PortalFactory factory)
    {
        var client = factory.CreateBrowser();
        (await client.SignInAsync()).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var response = await MediaSamples.UploadAsync(client, "atelier.jpg", MediaSamples.JpegWithGps(), ("Alt[fr]", AltFr), ("Alt[de]", AltDe));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await factory.WithScopeAsync(sp => sp.GetRequiredService<MediaDbContext>().MediaItems.AsNoTracking().SingleAsync());
    }

    public static Task<ContentResult> CreateAsync(PortalFactory factory, string type, string json) => factory.WithScopeAsync(async sp =>
    {
        var manager = sp.GetRequiredService<IContentManager>();
        var item = await manager.NewAsync(type);
        item.Data = JsonNode.Parse(json)!.AsObject();
        return await manager.CreateAsync(item, publish: true);
    });

    public static Task<ContentResult> NewsAsync(PortalFactory factory, string culture, string title, string mediaId) => CreateAsync(factory, "News", $$"""
        { "TitlePart": { "Title": { "Text": "{{title}}" } }, "LocalizationPart": { "Culture": { "Text": "{{culture}}" } },
          "News": { "Summary": { "Text": "{{title}}." }, "Picture": { "MediaIds": ["{{mediaId}}"] } } }
        """);

    public static Task<ContentResult> PageAsync(PortalFactory factory, string culture, string title, string mediaId) => CreateAsync(factory, "Page", $$"""
        { "TitlePart": { "Title": { "Text": "{{title}}" } }, "LocalizationPart": { "Culture": { "Text": "{{culture}}" } },
          "Page": { "Summary": { "Text": "{{title}}." }, "Picture": { "MediaIds": ["{{mediaId}}"] } } }
        """);

    public static async Task<ContentResult> EventAsync(PortalFactory factory, string culture, string title, string mediaId)
    {
        var organiser = await CreateAsync(factory, "Actor", """
            { "TitlePart": { "Title": { "Text": "Centre social du Val" } }, "LocalizationPart": { "Culture": { "Text": "fr" } },
              "Actor": { "Description": { "Markdown": "Association." }, "Typology": { "Terms": [ "association" ] }, "Territory": { "Terms": [ "57463-metz" ] } } }
            """);
        organiser.Succeeded.Should().BeTrue(string.Join(" ", organiser.Validation.Errors.Select(e => e.Message)));
        return await CreateAsync(factory, "Event", $$"""
            { "TitlePart": { "Title": { "Text": "{{title}}" } }, "LocalizationPart": { "Culture": { "Text": "{{culture}}" } },
              "Event": { "Summary": { "Text": "{{title}}." }, "Description": { "Markdown": "Peinture." }, "Status": { "Text": "scheduled" },
                         "Sessions": { "Sessions": [ { "Start": "2030-05-02T10:00", "End": "2030-05-02T12:00" } ] },
                         "Organiser": { "ContentItemIds": [ "{{organiser.Item!.ContentItemId}}" ] }, "Online": { "Value": true },
                         "Picture": { "MediaIds": ["{{mediaId}}"] } } }
            """);
    }

    /// <summary>The page's img elements that come from the library (src, srcset and alt), as written in the HTML.</summary>
    public static IReadOnlyList<(string Src, string Srcset, string Alt)> LibraryImages(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<img [^>]*src=\"(/media/[^\"]+)\"[^>]*>")
            .Select(m => (m.Groups[1].Value, Attribute(m.Value, "srcset"), Attribute(m.Value, "alt"))).ToList();

    private static string Attribute(string tag, string name) =>
        System.Text.RegularExpressions.Regex.Match(tag, $" {name}=\"([^\"]*)\"") is { Success: true } m ? Browser.Decode(m.Groups[1].Value) : "";
}
