using System.Globalization;
using System.Text.Json.Nodes;
using Portal.Core.Content;

namespace Portal.Publishing;

/// <summary>A news item is dated (the day it is saved, unless given), and an image always comes with its text alternative.</summary>
public sealed class NewsHandler(TimeProvider clock) : IContentHandler
{
    public Task UpdatingAsync(ContentContext context)
    {
        if (context.Item.ContentType != PublishingTypes.News) return Task.CompletedTask;
        var part = context.Item.GetOrCreatePart(PublishingTypes.News);
        if (part["PublicationDate"]?["Value"] is null)
            part["PublicationDate"] = new JsonObject { ["Value"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        return Task.CompletedTask;
    }

    public Task ValidatingAsync(ContentValidateContext context)
    {
        if (context.Item.ContentType != PublishingTypes.News) return Task.CompletedTask;
        var part = context.Item.Part(PublishingTypes.News);
        var image = part?["Image"]?["Url"]?.GetValue<string>();
        var alt = part?["ImageAlt"]?["Text"]?.GetValue<string>();
        if (!string.IsNullOrWhiteSpace(image) && string.IsNullOrWhiteSpace(alt))
            context.Result.Add($"{PublishingTypes.News}.ImageAlt", context.T["Describe the image for those who cannot see it (or write that it is decorative)."]);
        return Task.CompletedTask;
    }

    public static DateTime? DateOf(ContentItem item) =>
        DateTime.TryParse(item.Field(PublishingTypes.News, "PublicationDate")?["Value"]?.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
