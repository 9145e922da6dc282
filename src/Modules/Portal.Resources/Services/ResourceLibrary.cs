using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Content.Fields;
using Portal.Core.Data;
using Portal.Media.Fields;
using Portal.Media.Models;
using Portal.Media.Services;
using Portal.Taxonomies.Fields;

namespace Portal.Resources.Services;

/// <summary>One published resource of a culture, read for the library: its class and, when searched, where its document says it.</summary>
public sealed record ResourceEntry(ContentItem Item, string Kind, string? Side, int? Year, IReadOnlyList<string> Themes, MediaItem? File, Passage? Passage)
{
    public string Summary => Item.Field(ResourceTypes.Resource, "Summary")?["Text"]?.GetValue<string>() ?? "";
    public string? Link => Item.Field(ResourceTypes.Resource, "Link")?["Url"]?.GetValue<string>();
}

public sealed record ResourceFilter(string? Query, string? Kind, string? Side, string? Theme, int? Year);

public sealed record FacetValue(string Value, int Count);

public sealed record ResourceResult(IReadOnlyList<ResourceEntry> Entries, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets);

/// <summary>The resource library: the published resources of a culture, filtered by facets and by words found in their texts or their PDF.</summary>
public sealed class ResourceLibrary(PortalDbContext db, MediaLibrary media, DocumentText documents)
{
    public const int MaxResources = 2000;

    public async Task<ResourceResult> QueryAsync(string culture, ResourceFilter filter)
    {
        var items = await db.ContentItems.AsNoTracking()
            .Where(i => i.ContentType == ResourceTypes.Resource && i.Published && i.Culture == culture)
            .OrderBy(i => i.DisplayText).Take(MaxResources).ToListAsync();
        var words = Passages.Words(filter.Query);
        var entries = new List<ResourceEntry>();
        foreach (var item in items)
        {
            var part = item.Part(ResourceTypes.Resource);
            var fileId = MediaPickerFieldType.Ids(part?["File"]).FirstOrDefault();
            var file = fileId is null ? null : await media.FindAsync(fileId);
            Passage? passage = null;
            if (words.Count > 0)
            {
                var summary = part?["Summary"]?["Text"]?.GetValue<string>() ?? "";
                var pages = file is null ? [] : await documents.PagesAsync(file);
                passage = Passages.Find(pages, words);
                if (passage is null && !Passages.Matches(item.DisplayText + " " + summary, words)) continue;
            }
            entries.Add(new ResourceEntry(item, part?["Kind"]?["Text"]?.GetValue<string>() ?? "", part?["Side"]?["Text"]?.GetValue<string>(),
                FieldValues.Decimal(part?["Year"], "Value") is { } year ? (int)year : null, TaxonomyTermsFieldType.Terms(part?["Themes"]), file, passage));
        }

        // Each facet counts what the other filters leave, so a choice can be widened from its own list.
        IReadOnlyList<FacetValue> Count(Func<ResourceEntry, IEnumerable<string>> values, Func<ResourceEntry, bool> others) =>
            entries.Where(others).SelectMany(values).GroupBy(v => v).Select(g => new FacetValue(g.Key, g.Count()))
                .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList();
        bool KindOk(ResourceEntry e) => filter.Kind is null || e.Kind == filter.Kind;
        bool SideOk(ResourceEntry e) => filter.Side is null || e.Side == filter.Side;
        bool ThemeOk(ResourceEntry e) => filter.Theme is null || e.Themes.Contains(filter.Theme);
        bool YearOk(ResourceEntry e) => filter.Year is null || e.Year == filter.Year;
        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>
        {
            ["kind"] = Count(e => [e.Kind], e => SideOk(e) && ThemeOk(e) && YearOk(e)),
            ["side"] = Count(e => e.Side is null ? [] : [e.Side], e => KindOk(e) && ThemeOk(e) && YearOk(e)),
            ["theme"] = Count(e => e.Themes, e => KindOk(e) && SideOk(e) && YearOk(e)),
            ["year"] = Count(e => e.Year is null ? [] : [e.Year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)], e => KindOk(e) && SideOk(e) && ThemeOk(e)),
        };
        return new ResourceResult(entries.Where(e => KindOk(e) && SideOk(e) && ThemeOk(e) && YearOk(e)).ToList(), facets);
    }
}
