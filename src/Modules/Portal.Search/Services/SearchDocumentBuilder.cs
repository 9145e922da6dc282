using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Core.Data;
using Portal.Core.Localization;
using Portal.Search.Engine;
using Portal.Search.Indexing;

namespace Portal.Search.Services;

/// <summary>
/// Makes the search document of a published item in one culture from what contributors give: first each field, part
/// by part in the type's order, to the contributors of its field type; then the item to every item contributor.
/// </summary>
public sealed class SearchDocumentBuilder(PortalDbContext db, IContentDefinitionStore definitions, IEnumerable<IContentFieldType> fieldTypes,
    IEnumerable<ISearchFieldContributor> fieldContributors, IEnumerable<ISearchIndexContributor> itemContributors, IOptions<SearchOptions> options)
    : ISearchIndexServices
{
    private readonly HashSet<string> _fieldTypes = fieldTypes.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
    private readonly ILookup<string, ISearchFieldContributor> _byFieldType = fieldContributors.ToLookup(c => c.FieldType, StringComparer.Ordinal);
    private readonly List<ISearchIndexContributor> _itemContributors = itemContributors.ToList();
    private readonly Dictionary<string, ContentItem?> _related = new(StringComparer.Ordinal);
    /// <summary>Each type's definition with its parts, read once for this scope's builds (a build of the whole index reads thousands of items of a few types).</summary>
    private readonly Dictionary<string, (ContentTypeDefinition Type, IReadOnlyList<(ContentTypePartDefinition TypePart, ContentPartDefinition Part)> Parts)?> _types = new(StringComparer.Ordinal);

    public SearchOptions Options => options.Value;

    public bool IsIndexed(string contentType) => options.Value.IndexedTypes.Contains(contentType);

    /// <summary>
    /// The cultures an item is searched in: every one for an item without a culture; else its own, and each culture its
    /// localization set has no published version in (<paramref name="setCultures"/>, the cultures it has), there from the
    /// set's version in the first of the catalogue's cultures (French before German), so that the entry is found once.
    /// </summary>
    public static IEnumerable<string> CulturesOf(ContentItem item, Cultures cultures, IReadOnlySet<string> setCultures) =>
        cultures.Supported.Where(c => LocalizationSets.IsListedIn(c, item.Culture, setCultures, cultures));

    /// <summary>The cultures the published versions of an item's localization set are written in (its own at least).</summary>
    public async Task<IReadOnlySet<string>> SetCulturesAsync(ContentItem item)
    {
        var set = item.LocalizationSet ?? item.ContentItemId;
        var cultures = await db.ContentItems.AsNoTracking()
            .Where(i => i.Published && i.ContentType == item.ContentType && (i.LocalizationSet == set || i.ContentItemId == item.ContentItemId))
            .Select(i => i.Culture).Distinct().ToListAsync();
        return cultures.Append(item.Culture).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The same for every published item of the indexed types at once (a build): localization set → cultures.</summary>
    public async Task<Dictionary<(string Type, string Set), HashSet<string>>> AllSetCulturesAsync(CancellationToken cancellationToken)
    {
        var types = options.Value.IndexedTypes;
        var rows = await db.ContentItems.AsNoTracking().Where(i => i.Published && types.Contains(i.ContentType))
            .Select(i => new { i.ContentType, Set = i.LocalizationSet ?? i.ContentItemId, i.Culture }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => (r.ContentType, r.Set)).ToDictionary(g => g.Key, g => g.Select(r => r.Culture).ToHashSet(StringComparer.Ordinal));
    }

    public Task<SearchDocument?> BuildAsync(ContentItem item, string culture) => BuildAsync(item, culture, followReferences: true);

    public async Task<SearchDocument?> BuildAsync(ContentItem item, string culture, bool followReferences)
    {
        if (!IsIndexed(item.ContentType) || item.Path is null) return null;
        if (!_types.TryGetValue(item.ContentType, out var definition))
            _types[item.ContentType] = definition = await definitions.GetTypeAsync(item.ContentType) is { } found ? (found, await definitions.GetPartsOfAsync(found)) : null;
        if (definition is not { } known) return null;
        var type = known.Type;
        var fields = new List<SearchField>();
        foreach (var (typePart, part) in known.Parts)
            foreach (var field in part.Fields)
                if (_fieldTypes.Contains(field.FieldType) && item.Field(typePart.Name, field.Name) is { } value)
                    fields.Add(new SearchField(typePart, field, value));
        var context = new SearchIndexContext(item, culture, type, fields, options.Value, followReferences, this);
        foreach (var field in fields)
            foreach (var contributor in _byFieldType[field.Definition.FieldType])
                await contributor.ContributeAsync(context, field);
        foreach (var contributor in _itemContributors)
            await contributor.ContributeAsync(context);
        return context.Finish();
    }

    /// <summary>The published item an offer points at, in the visitor's language when it is translated.</summary>
    public async Task<ContentItem?> FindPublishedAsync(string id, string culture)
    {
        var key = culture + "/" + id;
        if (_related.TryGetValue(key, out var cached)) return cached;
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == id && i.Published);
        if (item is not null && item.Culture != culture && item.LocalizationSet is { } set)
            item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.LocalizationSet == set && i.Culture == culture && i.Published) ?? item;
        return _related[key] = item;
    }
}
