using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Core.Data;

namespace Portal.Resources.Services;

/// <summary>A resource to read with another: its title and its address.</summary>
public sealed record RelatedResource(string Title, string Url);

/// <summary>
/// The resources that go with one: those it links (its Related field) and those that link it, published, in its
/// language, each once, in title order.
/// </summary>
public sealed class RelatedResources(PortalDbContext db)
{
    private const int Max = 20;

    public async Task<IReadOnlyList<RelatedResource>> OfAsync(ContentItem item)
    {
        var id = item.ContentItemId;
        var linked = ContentPickerFieldType.Ids(item.Field(ResourceTypes.Resource, "Related")).ToArray();
        // Ids are long random (or recipe-given) strings: an item whose stored fields hold this one's id names it.
        var rows = await db.ContentItems.AsNoTracking()
            .Where(i => i.ContentType == ResourceTypes.Resource && i.Published && i.Culture == item.Culture && i.ContentItemId != id
                && (linked.Contains(i.ContentItemId) || i.Content.Contains("\"" + id + "\"")))
            .Select(i => new { i.ContentItemId, i.DisplayText, i.Path, i.Content })
            .Take(Max * 2).ToListAsync();
        return rows
            .Where(r => linked.Contains(r.ContentItemId) || ContentPickerFieldType.Ids(
                System.Text.Json.Nodes.JsonNode.Parse(r.Content)?[ResourceTypes.Resource]?["Related"]).Contains(id))
            .Where(r => r.Path is not null)
            .OrderBy(r => r.DisplayText, StringComparer.CurrentCulture).Take(Max)
            .Select(r => new RelatedResource(r.DisplayText, $"/{item.Culture}/{r.Path}")).ToList();
    }
}
