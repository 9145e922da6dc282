using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Localization;
using Portal.Taxonomies.Services;

namespace Portal.Knowledge.Services;

/// <summary>What the pages show beside a good practice's own text: term labels and the holder's name and page in the reader's language.</summary>
public sealed class KnowledgePresenter(PortalDbContext db, VocabularyStore vocabularies, Cultures cultures)
{
    public sealed record Holder(string Name, string? Url);

    public async Task<string> LabelAsync(string vocabulary, string slug, string culture) =>
        (await vocabularies.GetAsync(vocabulary))?.Find(slug)?.LabelFor(culture, cultures) ?? slug;

    public async Task<IReadOnlyList<string>> LabelsAsync(string vocabulary, IEnumerable<string> slugs, string culture)
    {
        var terms = await vocabularies.GetAsync(vocabulary);
        return slugs.Select(s => terms?.Find(s)?.LabelFor(culture, cultures) ?? s).ToList();
    }

    /// <summary>The holder (an actor) in the reader's language when translated, else as written.</summary>
    public async Task<Holder?> HolderAsync(string? id, string culture)
    {
        if (id is null) return null;
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == id && i.Published);
        if (item is null) return null;
        if (item.Culture != culture && item.LocalizationSet is { } set)
            item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.LocalizationSet == set && i.Culture == culture && i.Published) ?? item;
        return new Holder(item.DisplayText, item.Path is null ? null : $"/{(item.Culture.Length > 0 ? item.Culture : culture)}/{item.Path}");
    }
}
