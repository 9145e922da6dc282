using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Media.Fields;
using Portal.Media.Services;
using Portal.Search.Engine;
using Portal.Search.Indexing;

namespace Portal.Resources.Services;

/// <summary>
/// Under a resource found by the site search: the passage of its PDF that holds the searched words, and its page. The
/// database, the media library and the documents' text are asked for only when a resource is among the hits of some
/// words: every search page asks whether this source handles its hits, and most have none to give.
/// </summary>
public sealed class ResourceHitPassages(IServiceProvider services, IStringLocalizer<ResourceHitPassages> T) : ISearchHitPassages
{
    public bool Handles(string type) => type == ResourceTypes.Resource;

    public async Task<SearchHitPassage?> FindAsync(SearchHit hit, string query, string culture)
    {
        var words = Passages.Words(query);
        if (words.Count == 0) return null;
        var db = services.GetRequiredService<PortalDbContext>();
        var media = services.GetRequiredService<MediaLibrary>();
        var documents = services.GetRequiredService<DocumentText>();
        var content = await db.ContentItems.AsNoTracking()
            .Where(i => i.ContentItemId == hit.Id && i.Published).Select(i => i.Content).FirstOrDefaultAsync();
        if (content is null) return null;
        var fileId = MediaPickerFieldType.Ids(System.Text.Json.Nodes.JsonNode.Parse(content)?[ResourceTypes.Resource]?["File"]).FirstOrDefault();
        var file = fileId is null ? null : await media.FindAsync(fileId);
        if (file is null) return null;
        return Passages.Find(await documents.PagesAsync(file), words) is { } passage
            ? new SearchHitPassage(passage.Text, T["Page {0} of the document", passage.Page])
            : null;
    }
}
