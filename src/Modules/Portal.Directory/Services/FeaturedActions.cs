using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Hosting;

namespace Portal.Directory.Services;

/// <summary>On the home page: the activities most recently verified, the freshest information first.</summary>
public sealed class FeaturedActions(PortalDbContext db) : IHomeSection
{
    public async Task<HomeBlock?> BuildAsync(string culture)
    {
        // The verification date lives in the item's JSON: the latest published actions are read and ordered here.
        var recent = await db.ContentItems.AsNoTracking()
            .Where(i => i.Published && i.ContentType == DirectoryTypes.Action && i.Path != null && (i.Culture == culture || i.Culture == ""))
            .OrderByDescending(i => i.ModifiedUtc).Take(200).ToListAsync();
        var featured = recent
            .OrderByDescending(i => i.Field(DirectoryTypes.EntryPart, "LastVerified")?["Value"]?.GetValue<string>() ?? "")
            .ThenBy(i => i.DisplayText, StringComparer.Ordinal).Take(3).ToList();
        return featured.Count == 0 ? null : new HomeBlock("_FeaturedActions", new FeaturedActionsModel(featured, culture), 10) { Shows = featured.Select(i => i.ContentItemId).ToList() };
    }
}

public sealed record FeaturedActionsModel(IReadOnlyList<ContentItem> Items, string Culture);
