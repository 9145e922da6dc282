using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Content;

/// <summary>
/// For a migration that marks fields culture-neutral: the localization sets of those types whose versions diverged take
/// the values of their most recently modified version, written through the content manager.
/// </summary>
public static class CultureNeutralAlignment
{
    public static async Task<int> AlignAsync(PortalDbContext db, IContentManager contents, IReadOnlyCollection<string> types)
    {
        var latest = await db.ContentItems.AsNoTracking()
            .Where(i => i.Latest && i.LocalizationSet != null && types.Contains(i.ContentType))
            .Select(i => new { i.ContentItemId, i.LocalizationSet, i.ContentType, i.ModifiedUtc })
            .ToListAsync();
        var aligned = 0;
        foreach (var set in latest.GroupBy(i => (i.LocalizationSet, i.ContentType)).Where(g => g.Count() > 1))
        {
            var newest = set.OrderByDescending(i => i.ModifiedUtc).ThenBy(i => i.ContentItemId, StringComparer.Ordinal).First();
            var result = await contents.AlignLocalizationSetAsync(newest.ContentItemId);
            if (!result.Succeeded) throw new InvalidOperationException($"The localization set {set.Key.LocalizationSet} could not be aligned: {result}");
            aligned++;
        }
        return aligned;
    }
}
