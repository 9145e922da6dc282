using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Data;

namespace Portal.Newsletter.Services;

/// <summary>A published item an edition shows: its title, a short text and its public address.</summary>
public sealed record EditionItem(string ContentItemId, string ContentType, string Title, string? Summary, string Path);

/// <summary>The published news, events and resources an editor picks from, and those an edition names.</summary>
public sealed class EditionContent(PortalDbContext db)
{
    /// <summary>The kinds of content an edition may show, in the order of its sections.</summary>
    public static readonly string[] Types = ["News", "Event", "Resource"];

    public async Task<List<EditionItem>> SearchAsync(string culture, string? query, int take = 30, CancellationToken cancellationToken = default)
    {
        var items = db.ContentItems.AsNoTracking().Where(i => i.Published && i.Culture == culture && Types.Contains(i.ContentType) && i.Path != null);
        if (!string.IsNullOrWhiteSpace(query))
        {
            var words = query.Trim().ToLowerInvariant();
            items = items.Where(i => i.DisplayText.ToLower().Contains(words));
        }
        var found = await items.OrderByDescending(i => i.PublishedUtc).Take(take).ToListAsync(cancellationToken);
        return found.Select(ToItem).ToList();
    }

    /// <summary>The named items that are still published, in the given order (one unpublished since is left out).</summary>
    public async Task<List<EditionItem>> GetAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0) return [];
        var found = await db.ContentItems.AsNoTracking().Where(i => i.Published && ids.Contains(i.ContentItemId) && i.Path != null).ToListAsync(cancellationToken);
        return ids.Select(id => found.FirstOrDefault(i => i.ContentItemId == id)).OfType<ContentItem>().Select(ToItem).ToList();
    }

    private static EditionItem ToItem(ContentItem item) =>
        new(item.ContentItemId, item.ContentType, item.DisplayText, SummaryOf(item), $"/{item.Culture}/{item.Path}");

    /// <summary>The first part field named Summary (news, events and resources each have one).</summary>
    private static string? SummaryOf(ContentItem item) =>
        item.Data.Select(p => (p.Value as System.Text.Json.Nodes.JsonObject)?["Summary"]?["Text"]?.GetValue<string>()).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s));
}
