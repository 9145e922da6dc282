using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Media.Data;
using Portal.Media.Fields;
using Portal.Media.Services;

namespace Portal.Media.TagHelpers;

/// <summary>
/// <c>&lt;media-image value="@field" culture="fr" sizes="…" class="…" /&gt;</c>: the first image of a media picker's value as a
/// responsive <c>img</c> (its resized copies in <c>srcset</c>) with the alternative text of the page's language; nothing
/// when the field holds no image of the library. The media library's database is opened only for a field that holds an
/// image: a page creates this helper wherever its view may show one.
/// </summary>
[HtmlTargetElement("media-image", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MediaImageTagHelper(IServiceProvider services) : TagHelper
{
    public JsonNode? Value { get; set; }
    public string Culture { get; set; } = "";
    public string Sizes { get; set; } = "(max-width: 800px) 100vw, 800px";
    public string? Class { get; set; }
    /// <summary>Images at the top of a page are not lazy: they are the first thing seen.</summary>
    public bool Lazy { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var id = MediaPickerFieldType.Ids(Value).FirstOrDefault();
        var media = id is null ? null : await services.GetRequiredService<MediaDbContext>().MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
        if (media is null || !media.IsImage)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "img";
        output.TagMode = TagMode.SelfClosing;
        output.Attributes.SetAttribute("src", MediaPaths.Url(media));
        if (media.ResizedWidths.Count > 0)
        {
            output.Attributes.SetAttribute("srcset", MediaPaths.Srcset(media));
            output.Attributes.SetAttribute("sizes", Sizes);
        }
        if (media.Width is not null) output.Attributes.SetAttribute("width", media.Width);
        if (media.Height is not null) output.Attributes.SetAttribute("height", media.Height);
        output.Attributes.SetAttribute("alt", media.AltFor(Culture) ?? "");
        if (Lazy) output.Attributes.SetAttribute("loading", "lazy");
        if (Class is not null) output.Attributes.SetAttribute("class", Class);
    }
}
