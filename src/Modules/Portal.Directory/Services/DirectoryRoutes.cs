using Portal.Core.Content;
using Portal.Core.Content.Parts;
using Portal.Core.Localization;

namespace Portal.Directory.Services;

/// <summary>Directory items live under a segment per type and culture: /fr/acteurs/…, /de/angebote/….</summary>
public sealed class DirectoryRoutes(Cultures cultures) : IAutoroutePrefix
{
    public string? PrefixFor(ContentItem item) =>
        DirectoryTypes.IsDirectoryType(item.ContentType)
            ? DirectoryTypes.Segment(item.ContentType, string.IsNullOrEmpty(item.Culture) ? cultures.Default : item.Culture)
            : null;
}
