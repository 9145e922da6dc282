using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Data;

namespace Portal.Moderation.Services;

/// <summary>One other language's version of an entry under review, and what approving the change would copy into it.</summary>
public sealed record OtherLanguageVersion(ContentItem Version, List<FieldDiff> Fields);

/// <summary>
/// The review shows both versions when a change touches culture-neutral fields: approving it copies them to the other
/// languages' versions of the entry (the content manager does, at publication).
/// </summary>
public sealed class OtherLanguageVersions(PortalDbContext db, IContentDefinitionStore definitions, VersionDiff differ)
{
    public async Task<List<OtherLanguageVersion>> CompareAsync(ContentItem proposed, ContentItem? published, string culture)
    {
        var result = new List<OtherLanguageVersion>();
        if (string.IsNullOrEmpty(proposed.LocalizationSet) || await definitions.GetTypeAsync(proposed.ContentType) is not { } type) return result;
        var neutral = await CultureNeutralFields.OfAsync(definitions, type);
        if (neutral.IsEmpty || (published is not null && neutral.Differences(published.Data, proposed.Data).Count == 0)) return result;
        var others = await db.ContentItems.AsNoTracking()
            .Where(i => i.LocalizationSet == proposed.LocalizationSet && i.ContentType == proposed.ContentType && i.Latest && i.ContentItemId != proposed.ContentItemId)
            .OrderBy(i => i.Culture).ToListAsync();
        foreach (var other in others)
        {
            var after = other.Copy();
            if (!neutral.CopyTo(proposed.Data, after.Data)) continue;
            result.Add(new OtherLanguageVersion(other, [.. (await differ.CompareAsync(other, after, culture)).Where(f => f.Changed)]));
        }
        return result;
    }
}
