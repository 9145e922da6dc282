using Portal.Core.Content;
using Portal.Core.Content.Parts;
using Portal.Core.Localization;

namespace Portal.Resources;

public static class ResourceTypes
{
    public const string Resource = "Resource";
    public const string LibraryKey = "resources";

    /// <summary>The resource library's address segment per culture; a resource lives below it.</summary>
    public static readonly RouteTable Routes = new RouteTable().Add(LibraryKey, ("fr", "ressources"), ("de", "ressourcen"));

    public static string Segment(string culture) => Routes.Segment(LibraryKey, culture);
}

/// <summary>A resource's address starts with the library's: /fr/ressources/{slug}.</summary>
public sealed class ResourceRoutes : IAutoroutePrefix
{
    public string? PrefixFor(ContentItem item) => item.ContentType == ResourceTypes.Resource ? ResourceTypes.Segment(item.Culture) : null;
}
