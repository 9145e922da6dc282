using Portal.Core.Content;
using Portal.Core.Content.Parts;

namespace Portal.Publishing;

public static class PublishingTypes
{
    public const string News = "News";
    public const string Page = "Page";

    /// <summary>The field of News (and Page) that holds an image of the media library.</summary>
    public const string Picture = "Picture";

    /// <summary>The news list's address segment: /fr/actualites, /de/aktuelles (a news item lives below it).</summary>
    public static string NewsSegment(string culture) => PublishingRoutes.Table.Segment(PublishingRoutes.News, culture);

    public static string SiteMapSegment(string culture) => PublishingRoutes.Table.Segment(PublishingRoutes.SiteMap, culture);
}

/// <summary>A news item's address starts with the news list's: /fr/actualites/{slug}.</summary>
public sealed class NewsRoutes : IAutoroutePrefix
{
    public string? PrefixFor(ContentItem item) => item.ContentType == PublishingTypes.News ? PublishingTypes.NewsSegment(item.Culture) : null;
}
