using Microsoft.EntityFrameworkCore;

namespace Portal.Core.Content;

/// <summary>The versions of one entry in other languages (its localization set) share the values marked culture-neutral.</summary>
public sealed partial class ContentManager
{
    public async Task<ContentResult> AlignLocalizationSetAsync(string contentItemId)
    {
        var latest = await GetAsync(contentItemId, VersionOptions.Latest);
        if (latest is null) return ContentResult.NotFound(T["The item {0} does not exist.", contentItemId]);
        var type = await definitions.GetTypeAsync(latest.ContentType);
        if (type is null) return ContentResult.NotFound(T["The content type '{0}' is not defined.", latest.ContentType]);
        var validation = new ContentValidationResult();
        await PropagateCultureNeutralAsync(latest, type, validation);
        return await SaveAsync(latest, validation);
    }

    /// <summary>
    /// A new version joining a localization set takes the set's culture-neutral values it leaves empty (a translation
    /// written with its texts only); those it gives are copied to the others as for any save.
    /// </summary>
    private async Task AdoptCultureNeutralAsync(ContentItem item, ContentTypeDefinition type)
    {
        if (string.IsNullOrEmpty(item.LocalizationSet)) return;
        var parts = await definitions.GetPartsOfAsync(type);
        var neutral = CultureNeutralFields.Of(parts);
        if (neutral.IsEmpty) return;
        var newest = await db.ContentItems.AsNoTracking()
            .Where(i => i.LocalizationSet == item.LocalizationSet && i.ContentType == item.ContentType && i.Latest && i.ContentItemId != item.ContentItemId)
            .OrderByDescending(i => i.ModifiedUtc).FirstOrDefaultAsync();
        if (newest is null) return;
        foreach (var (typePart, part) in parts)
            foreach (var field in part.Fields.Where(f => neutral.Contains(typePart.Name, f.Name)))
            {
                if (newest.Field(typePart.Name, field.Name) is not { } shared) continue;
                var value = item.Field(typePart.Name, field.Name);
                var empty = value is null || !_fieldTypes.TryGetValue(field.FieldType, out var fieldType)
                    || fieldType.Normalize(value.DeepClone(), field.Settings) is not { } normalized || fieldType.IsEmpty(normalized);
                if (empty) item.GetOrCreatePart(typePart.Name)[field.Name] = shared.DeepClone();
            }
    }

    /// <summary>
    /// Copies the culture-neutral values of the version just written to the latest version of every other language of
    /// its set, each through the same update (validation, handlers, audit, journal), in the same unit of work. A draft
    /// follows every save; a published version follows when the saved version is published (an approval), and is
    /// published again. A version the values would make invalid is left as it is, with a warning.
    /// </summary>
    private async Task PropagateCultureNeutralAsync(ContentItem source, ContentTypeDefinition type, ContentValidationResult result)
    {
        if (string.IsNullOrEmpty(source.LocalizationSet)) return;
        // The parts as the write read them (once per bulk write): not read and deserialised again for every item.
        var neutral = CultureNeutralFields.Of(await PartsOfAsync(type));
        if (neutral.IsEmpty) return;
        // In a bulk write, an entry alone in its set (most imported rows) is not looked up.
        if (batch.Active && !await batch.MayHaveSiblingsAsync(db, source)) return;
        var siblings = await db.ContentItems
            .Where(i => i.LocalizationSet == source.LocalizationSet && i.ContentType == source.ContentType && i.Latest && i.ContentItemId != source.ContentItemId)
            .ToListAsync();
        foreach (var sibling in siblings.Where(s => s.Latest).OrderBy(s => s.Culture, StringComparer.Ordinal))
        {
            if (sibling.Published && !source.Published) continue;
            var data = (System.Text.Json.Nodes.JsonObject)sibling.Data.DeepClone();
            if (!neutral.CopyTo(source.Data, data)) continue;
            var update = await ApplyUpdateAsync(sibling, data, sibling.ConcurrencyStamp, publish: sibling.Published);
            if (update.Failure is not null)
                result.Warn("", T["The {0} version was not given the values shared by every language: {1}", cultures.NameOf(sibling.Culture), update.Failure.Message ?? ""]);
        }
    }
}
