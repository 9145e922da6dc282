using System.Globalization;
using System.Text.Json.Nodes;
using Portal.Core.Content;

namespace Portal.Publishing;

/// <summary>
/// A news item is dated (the day it is saved, unless given). Its picture (the media picker) and the images of its body
/// are checked by their field types: each needs its text alternative in the item's language.
/// </summary>
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

    public static DateTime? DateOf(ContentItem item) =>
        DateTime.TryParse(item.Field(PublishingTypes.News, "PublicationDate")?["Value"]?.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
